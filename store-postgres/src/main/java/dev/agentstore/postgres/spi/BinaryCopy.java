package dev.agentstore.postgres.spi;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Streams rows to {@code COPY ... FROM STDIN (FORMAT BINARY)}: PostgreSQL's binary tuple format, written field by
 * field with no text conversion on either side. A COPY takes no bind parameters, so a batch of any size is one
 * statement. Values are written in the column order of the COPY's column list.
 */
public final class BinaryCopy {
    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final Instant POSTGRES_EPOCH = Instant.parse("2000-01-01T00:00:00Z");
    private static final String OBJECT_NOT_IN_STATE = "55000";
    private static final String CONNECTION_FAILURE = "08006";
    private static final int VALIDATION_SECONDS = 2;

    private final DataOutputStream out;

    private BinaryCopy(DataOutputStream out) {
        this.out = out;
    }

    /** The rows, written by {@link #write}. */
    @FunctionalInterface
    public interface Rows {
        /** Writes every row through {@code copy}. */
        void write(BinaryCopy copy) throws IOException;
    }

    /**
     * Runs {@code copySql} (a {@code COPY ... FROM STDIN (FORMAT BINARY)}) on {@code connection} with the rows
     * {@code rows} writes; a server-side failure surfaces as its {@link SQLException}.
     */
    public static void copy(Connection connection, String copySql, Rows rows) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        try (PGCopyOutputStream stream = new PGCopyOutputStream(pg, copySql, 1 << 16);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16))) {
            out.write(SIGNATURE);
            out.writeInt(0); // flags
            out.writeInt(0); // header extension length
            rows.write(new BinaryCopy(out));
            out.writeShort(-1); // trailer
        } catch (IOException e) {
            throw failure(connection, e);
        }
    }

    /** Starts a row of {@code fields} values. */
    public BinaryCopy row(int fields) throws IOException {
        out.writeShort(fields);
        return this;
    }

    /** A {@code text} value, or NULL. */
    public BinaryCopy text(String value) throws IOException {
        return value == null ? nothing() : bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A {@code uuid} value, or NULL. */
    public BinaryCopy uuid(UUID value) throws IOException {
        if (value == null) {
            return nothing();
        }
        out.writeInt(16);
        out.writeLong(value.getMostSignificantBits());
        out.writeLong(value.getLeastSignificantBits());
        return this;
    }

    /** A {@code timestamptz} value (microseconds; finer digits are dropped, as PostgreSQL stores them). */
    public BinaryCopy timestamp(Instant value) throws IOException {
        out.writeInt(8);
        out.writeLong(ChronoUnit.MICROS.between(POSTGRES_EPOCH, value));
        return this;
    }

    /** An {@code integer} value. */
    public BinaryCopy int4(int value) throws IOException {
        out.writeInt(4);
        out.writeInt(value);
        return this;
    }

    /** An {@code integer} value, or NULL. */
    public BinaryCopy nullableInt4(Integer value) throws IOException {
        return value == null ? nothing() : int4(value);
    }

    /** A {@code bigint} value, or NULL. */
    public BinaryCopy int8(Long value) throws IOException {
        if (value == null) {
            return nothing();
        }
        out.writeInt(8);
        out.writeLong(value);
        return this;
    }

    /** A {@code double precision} value, or NULL. */
    public BinaryCopy float8(Double value) throws IOException {
        if (value == null) {
            return nothing();
        }
        out.writeInt(8);
        out.writeDouble(value);
        return this;
    }

    /** A {@code boolean} value. */
    public BinaryCopy bool(boolean value) throws IOException {
        out.writeInt(1);
        out.writeByte(value ? 1 : 0);
        return this;
    }

    /** A {@code jsonb} value from its JSON text (binary format version 1). */
    public BinaryCopy jsonb(String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length + 1);
        out.writeByte(1);
        out.write(bytes);
        return this;
    }

    /** A {@code vector} value (pgvector's binary form: dimension, an unused short, the floats). */
    public BinaryCopy vector(float[] value) throws IOException {
        out.writeInt(4 + 4 * value.length);
        out.writeShort(value.length);
        out.writeShort(0);
        for (float component : value) {
            out.writeFloat(component);
        }
        return this;
    }

    private BinaryCopy bytes(byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
        return this;
    }

    private BinaryCopy nothing() throws IOException {
        out.writeInt(-1);
        return this;
    }

    /**
     * pgjdbc reports a failed COPY as an IOException around the server's SQLException: surface the latter. When the
     * connection died under the COPY (its backend terminated, the server restarted), pgjdbc may instead report its
     * own state error about the copy it no longer holds (SQL state 55000, "Tried to end inactive copy") or no
     * SQLException at all; if the connection is then no longer usable, the failure is reported as what it is, a
     * lost connection (08006), so callers treat it as unavailable and retry.
     */
    private static SQLException failure(Connection connection, IOException e) {
        SQLException sql = PostgresErrors.sqlExceptionIn(e);
        boolean clientSide = sql == null || OBJECT_NOT_IN_STATE.equals(sql.getSQLState());
        if (clientSide && !usable(connection)) {
            return new SQLNonTransientConnectionException(
                    "the connection to PostgreSQL was lost during COPY", CONNECTION_FAILURE, e);
        }
        if (sql == null) {
            throw new UncheckedIOException(e);
        }
        return sql;
    }

    private static boolean usable(Connection connection) {
        try {
            return connection.isValid(VALIDATION_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }
}
