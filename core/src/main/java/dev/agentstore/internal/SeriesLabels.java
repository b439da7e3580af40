package dev.agentstore.internal;

import dev.agentstore.InvalidInputException;
import dev.agentstore.Limits;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The naming rules of labelled series, shared by points, queries and aggregates. */
public final class SeriesLabels {
    /** A series name: a letter or underscore, then letters, digits, {@code _ . :} (Prometheus-like). */
    private static final Pattern SERIES = Pattern.compile("[A-Za-z_][A-Za-z0-9_.:]*");
    /** A label name: a letter or underscore, then letters, digits, {@code _}. */
    private static final Pattern LABEL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private SeriesLabels() {}

    public static String series(String field, String name) {
        return shaped(field, name, SERIES, "a letter or '_', then letters, digits, '_', '.' or ':'");
    }

    public static String label(String field, String name) {
        return shaped(field, name, LABEL, "a letter or '_', then letters, digits or '_'");
    }

    /** Checks names and values and copies them into an unmodifiable sorted map; null is empty. */
    public static SortedMap<String, String> labels(String field, Map<String, String> labels) {
        SortedMap<String, String> copy = new TreeMap<>();
        if (labels == null) {
            return Collections.unmodifiableSortedMap(copy);
        }
        if (labels.size() > Limits.MAX_SERIES_LABELS) {
            throw new InvalidInputException(
                    field, "must hold at most " + Limits.MAX_SERIES_LABELS + " labels, but held " + labels.size());
        }
        labels.forEach((name, value) -> {
            label(field + " key", name);
            copy.put(name, Check.name(field + "." + name, value));
        });
        return Collections.unmodifiableSortedMap(copy);
    }

    /** Checks the label names an aggregate groups by: valid, distinct, at most the label limit. */
    public static List<String> groupBy(String field, List<String> names) {
        List<String> copy = List.copyOf(Check.batch(field, Check.present(field, names), Limits.MAX_SERIES_LABELS));
        for (int i = 0; i < copy.size(); i++) {
            label(field + "[" + i + "]", copy.get(i));
            if (copy.indexOf(copy.get(i)) != i) {
                throw new InvalidInputException(field + "[" + i + "]", "repeats '" + copy.get(i) + "'");
            }
        }
        return copy;
    }

    private static String shaped(String field, String name, Pattern shape, String rule) {
        Check.present(field, name);
        if (name.length() > Limits.MAX_SERIES_NAME_CHARS || !shape.matcher(name).matches()) {
            throw new InvalidInputException(
                    field, "must be 1 to " + Limits.MAX_SERIES_NAME_CHARS + " characters: " + rule);
        }
        return name;
    }
}
