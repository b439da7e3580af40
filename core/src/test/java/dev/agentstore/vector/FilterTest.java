package dev.agentstore.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterTest {
    private static final Map<String, Object> DOC = Map.of("lang", "en", "year", 2024, "score", 0.75, "draft", false);

    @Test
    void should_compare_numbers_by_value_whatever_their_java_type() {
        assertThat(Filter.eq("year", 2024L).test(DOC)).isTrue();
        assertThat(Filter.eq("year", new BigDecimal("2024.0")).test(DOC)).isTrue();
        assertThat(Filter.gt("score", 0.5f).test(DOC)).isTrue();
        assertThat(Filter.lte("year", 2023).test(DOC)).isFalse();
    }

    @Test
    void should_order_strings_and_never_match_across_types() {
        assertThat(Filter.lt("lang", "fr").test(DOC)).isTrue();
        assertThat(Filter.gt("lang", 5).test(DOC)).isFalse();
        assertThat(Filter.eq("year", "2024").test(DOC)).isFalse();
    }

    @Test
    void should_treat_a_missing_key_as_not_equal_and_not_comparable() {
        assertThat(Filter.ne("author", "bob").test(DOC)).isTrue();
        assertThat(Filter.eq("author", "bob").test(DOC)).isFalse();
        assertThat(Filter.gte("author", "a").test(DOC)).isFalse();
        assertThat(Filter.not(Filter.gte("author", "a")).test(DOC)).isTrue();
    }

    @Test
    void should_combine_with_and_or_not_and_in() {
        Filter englishRecent = Filter.and(Filter.eq("lang", "en"), Filter.gte("year", 2020));
        Filter frenchOrDraft = Filter.or(Filter.eq("lang", "fr"), Filter.eq("draft", true));

        assertThat(englishRecent.test(DOC)).isTrue();
        assertThat(frenchOrDraft.test(DOC)).isFalse();
        assertThat(Filter.in("lang", List.of("de", "en")).test(DOC)).isTrue();
        assertThat(Filter.in("year", List.of(1999, 2000)).test(DOC)).isFalse();
    }

    @Test
    void should_reject_values_it_cannot_compare_and_name_the_field() {
        assertThatThrownBy(() -> Filter.gt("score", Double.NaN))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("filter.value");
        assertThatThrownBy(() -> Filter.eq("when", new Object()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("filter.value");
        assertThatThrownBy(() -> Filter.gt("draft", true))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("booleans");
        assertThatThrownBy(() -> Filter.and()).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Filter.eq(" ", "x")).isInstanceOf(InvalidInputException.class);
    }
}
