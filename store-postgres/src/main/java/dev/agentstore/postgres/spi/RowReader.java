package dev.agentstore.postgres.spi;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the current row of a JDBC result set into a value, by column position. */
@FunctionalInterface
public interface RowReader<T> {
    /** The value of the current row; must not move the cursor. */
    T read(ResultSet row) throws SQLException;
}
