package dev.agentstore.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void should_make_version_7_ids_with_the_rfc_9562_variant() {
        UUID id = Ids.newId();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    // Ids never go backwards within a JVM, so this test uses the latest clock of the class.
    @Test
    void should_stamp_the_clock_milliseconds_in_the_first_48_bits() {
        Instant at = Instant.parse("2099-01-02T03:04:05.678Z");
        UUID id = Ids.newId(Clock.fixed(at, ZoneOffset.UTC));
        assertThat(id.getMostSignificantBits() >>> 16).isGreaterThanOrEqualTo(at.toEpochMilli());
        assertThat(id.getMostSignificantBits() >>> 16).isLessThan(at.toEpochMilli() + 5);
    }

    @Test
    void should_keep_ids_strictly_increasing_within_one_millisecond() {
        Clock frozen = Clock.fixed(Instant.parse("2098-05-05T00:00:00Z"), ZoneOffset.UTC);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            ids.add(Ids.newId(frozen));
        }
        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i).toString()).isGreaterThan(ids.get(i - 1).toString());
        }
    }
}
