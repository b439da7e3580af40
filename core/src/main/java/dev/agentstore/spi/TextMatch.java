package dev.agentstore.spi;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Word matching shared by the in-memory full-text searches: lowercase words of letters and digits; a text
 * matches when it contains every query word; the score counts occurrences, normalised by length.
 */
public final class TextMatch {
    private TextMatch() {}

    public static List<String> words(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return Arrays.stream(normal.split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    /** The score of {@code text} for the query words, or 0 if some word is missing. */
    public static double score(List<String> queryWords, String text) {
        if (queryWords.isEmpty()) {
            return 0;
        }
        List<String> words = words(text);
        double score = 0;
        for (String q : queryWords) {
            long count = words.stream().filter(q::equals).count();
            if (count == 0) {
                return 0;
            }
            score += count;
        }
        return score / (1 + Math.log(1 + words.size()));
    }

    /**
     * The score of {@code text} when any query word may match (recall's full-text ranking): occurrences of the query
     * words, normalised by length, or 0 if none occurs.
     */
    public static double anyScore(List<String> queryWords, String text) {
        if (queryWords.isEmpty()) {
            return 0;
        }
        List<String> words = words(text);
        long count = words.stream().filter(queryWords::contains).count();
        return count == 0 ? 0 : count / (1 + Math.log(1 + words.size()));
    }
}
