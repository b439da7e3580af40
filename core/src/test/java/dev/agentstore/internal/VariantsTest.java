package dev.agentstore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VariantsTest {
    private static final List<String> ARMS = List.of("control", "terse", "friendly");

    @Test
    void should_give_a_user_the_same_variant_every_time() {
        String first = Variants.pick("prompt-style", "user-42", ARMS);
        for (int i = 0; i < 20; i++) {
            assertThat(Variants.pick("prompt-style", "user-42", ARMS)).isEqualTo(first);
        }
    }

    @Test
    void should_spread_users_evenly_over_the_variants() {
        Map<String, Long> counts = IntStream.range(0, 30_000)
                .mapToObj(i -> Variants.pick("prompt-style", "user-" + i, ARMS))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(counts).hasSize(3);
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(9_400L, 10_600L));
    }

    @Test
    void should_assign_independently_per_experiment() {
        long same = IntStream.range(0, 3_000)
                .filter(i -> Variants.pick("exp-a", "u" + i, ARMS).equals(Variants.pick("exp-b", "u" + i, ARMS)))
                .count();
        assertThat(same).isBetween(800L, 1_200L); // about a third, not all
    }

    @Test
    void should_reject_empty_and_duplicate_variants() {
        assertThatThrownBy(() -> Variants.pick("e", "u", List.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Variants.pick("e", "u", List.of("a", "a")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("distinct");
    }
}
