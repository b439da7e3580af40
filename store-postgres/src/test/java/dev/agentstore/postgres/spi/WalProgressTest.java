package dev.agentstore.postgres.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WalProgressTest {
    private final WalProgress progress = new WalProgress(1_000);

    @Test
    void should_date_a_replay_position_by_the_newest_sample_it_reaches() {
        progress.record(100, 10);
        progress.record(200, 20);
        progress.record(300, 20); // nothing written in between: the same position, a later time
        progress.record(400, 35);

        assertThat(progress.caughtUpAt(20)).isEqualTo(300);
        assertThat(progress.caughtUpAt(34)).isEqualTo(300);
        assertThat(progress.caughtUpAt(35)).isEqualTo(400);
        assertThat(progress.caughtUpAt(90)).isEqualTo(400);
        assertThat(progress.caughtUpAt(10)).isEqualTo(100);
    }

    @Test
    void should_know_nothing_of_a_replica_behind_every_sample_kept() {
        assertThat(progress.caughtUpAt(1_000)).isEqualTo(Long.MIN_VALUE);

        progress.record(100, 10);
        progress.record(2_000, 50); // the first sample is older than the 1,000 kept and goes

        assertThat(progress.caughtUpAt(10)).isEqualTo(Long.MIN_VALUE);
        assertThat(progress.caughtUpAt(50)).isEqualTo(2_000);
    }
}
