package dev.agentstore.postgres.spi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pre-rendered query with its values and what reads its result: one part of {@link TenantSql#queryAll}, which sends
 * several in one round trip.
 *
 * @param template the statement
 * @param values its values, by parameter name
 * @param reader what reads its whole result set
 * @param <T> what the reader makes of it
 */
public record BoundQuery<T>(SqlTemplate template, Map<String, ?> values, Reader<T> reader) {
    /** Reads a whole result set. */
    @FunctionalInterface
    public interface Reader<T> {
        /** What {@code rows} hold, read to the end or as far as needed. */
        T read(ResultSet rows) throws SQLException;
    }

    /** A query whose rows {@code row} reads one by one, into a list. */
    public static <T> BoundQuery<List<T>> rows(SqlTemplate template, Map<String, ?> values, RowReader<T> row) {
        return new BoundQuery<>(template, values, rows -> {
            List<T> read = new ArrayList<>();
            while (rows.next()) {
                read.add(row.read(rows));
            }
            return read;
        });
    }
}
