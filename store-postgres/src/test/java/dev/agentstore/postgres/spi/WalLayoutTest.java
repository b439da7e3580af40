package dev.agentstore.postgres.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WalLayoutTest {
    private static final long SEGMENT = 16L * 1024 * 1024;
    private final WalLayout layout = new WalLayout(8_192, SEGMENT); // PostgreSQL's defaults

    @Test
    void should_map_an_insert_position_just_past_a_page_header_to_the_page_boundary() {
        long page = 5 * SEGMENT + 3 * 8_192;

        assertThat(layout.replayedEquivalentOf(page + 24)).isEqualTo(page);
    }

    @Test
    void should_map_an_insert_position_just_past_a_segments_long_header_to_the_segment_boundary() {
        assertThat(layout.replayedEquivalentOf(5 * SEGMENT + 40)).isEqualTo(5 * SEGMENT);
    }

    @Test
    void should_keep_every_position_a_record_can_end_at() {
        long page = 5 * SEGMENT + 3 * 8_192;

        assertThat(layout.replayedEquivalentOf(page + 40)).isEqualTo(page + 40); // not a segment's first page
        assertThat(layout.replayedEquivalentOf(page + 4_000)).isEqualTo(page + 4_000);
        assertThat(layout.replayedEquivalentOf(page)).isEqualTo(page);
        assertThat(layout.replayedEquivalentOf(5 * SEGMENT + 24)).isEqualTo(5 * SEGMENT + 24); // in the long header
    }

    @Test
    void should_follow_the_servers_block_and_segment_sizes() {
        WalLayout small = new WalLayout(4_096, 1024 * 1024);

        assertThat(small.replayedEquivalentOf(7 * 4_096 + 24)).isEqualTo(7 * 4_096);
        assertThat(small.replayedEquivalentOf(3 * 1024 * 1024 + 40)).isEqualTo(3 * 1024 * 1024);
        assertThat(small.replayedEquivalentOf(8_192 + 24)).isEqualTo(8_192); // a page boundary with 4 kB pages
    }
}
