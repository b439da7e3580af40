package dev.agentstore.metrics;

import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One row of {@link MetricsRepository#seriesOverTime}: the points of one time bucket and one combination of the
 * grouped labels' values. Buckets order by start, then by their group's labels (name, then value), so a group
 * lacking a label sorts by the labels it has.
 *
 * @param start the bucket's start (a UTC boundary)
 * @param group the grouped labels' values the points share; a label a point lacks is absent
 * @param stats aggregates over the values
 */
public record SeriesBucket(Instant start, SortedMap<String, String> group, SeriesStats stats)
        implements Comparable<SeriesBucket> {
    /** Copies the group into an unmodifiable sorted map. */
    public SeriesBucket {
        group = Collections.unmodifiableSortedMap(new TreeMap<>(group));
    }

    @Override
    public int compareTo(SeriesBucket other) {
        int byStart = start.compareTo(other.start);
        if (byStart != 0) {
            return byStart;
        }
        Iterator<Map.Entry<String, String>> mine = group.entrySet().iterator();
        Iterator<Map.Entry<String, String>> theirs = other.group.entrySet().iterator();
        while (mine.hasNext() && theirs.hasNext()) {
            Map.Entry<String, String> a = mine.next();
            Map.Entry<String, String> b = theirs.next();
            int byName = a.getKey().compareTo(b.getKey());
            if (byName != 0) {
                return byName;
            }
            int byValue = a.getValue().compareTo(b.getValue());
            if (byValue != 0) {
                return byValue;
            }
        }
        return Boolean.compare(mine.hasNext(), theirs.hasNext());
    }
}
