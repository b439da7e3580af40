package dev.agentstore.postgres.spi;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Param;
import org.jooq.Query;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Oid;
import org.postgresql.util.PGBinaryObject;
import org.postgresql.util.PGobject;

/**
 * A hot-path statement rendered once by jOOQ from the generated tables, with named parameters, and then run
 * many times through plain JDBC with fresh values: no rendering and no jOOQ records per call. Values are bound by
 * parameter name, never spliced into the SQL; constants are {@code DSL.inline}. Rendering fails if the
 * parameters found in the SQL differ from those declared (so an inline literal like {@code ':x'} cannot pass
 * for one). Thread-safe (immutable).
 */
public final class SqlTemplate {
    private static final Pattern NAMED = Pattern.compile("(?<![:\\w]):([a-zA-Z_][a-zA-Z0-9_]*)");

    private final String sql;
    private final String[] occurrences;
    private final int[] sqlTypes;

    private SqlTemplate(String sql, List<String> occurrences, Map<String, Param<?>> params) {
        this.sql = sql;
        this.occurrences = occurrences.toArray(String[]::new);
        // Resolved once: jOOQ builds a context per getSQLType() call, too slow to repeat for every null bound.
        this.sqlTypes = occurrences.stream()
                .mapToInt(name -> params.get(name).getDataType().getSQLType())
                .toArray();
    }

    /** Renders {@code query}, whose variable parts are {@code DSL.param(name, type)}, for {@code dsl}'s schema. */
    public static SqlTemplate of(DSLContext dsl, Query query) {
        String named = dsl.renderNamedOrInlinedParams(query);
        Matcher matcher = NAMED.matcher(named);
        List<String> occurrences = new ArrayList<>();
        StringBuilder jdbc = new StringBuilder();
        while (matcher.find()) {
            occurrences.add(matcher.group(1));
            matcher.appendReplacement(jdbc, "?");
        }
        matcher.appendTail(jdbc);
        Map<String, Param<?>> params = new HashMap<>();
        for (Param<?> param : query.getParams().values()) {
            if (param.getParamName() != null) {
                params.put(param.getParamName(), param);
            } else if (!param.isInline()) {
                // DSL.val(x) would bake the first call's value into the template: name it or inline a constant
                throw new IllegalStateException("a template takes named parameters or inline constants only");
            }
        }
        if (!params.keySet().containsAll(occurrences) || !occurrences.containsAll(params.keySet())) {
            throw new IllegalStateException("parameters " + params.keySet() + " rendered as " + occurrences);
        }
        return new SqlTemplate(jdbc.toString(), List.copyOf(occurrences), Map.copyOf(params));
    }

    /** The JDBC SQL, with {@code ?} for each parameter occurrence. */
    public String sql() {
        return sql;
    }

    /** Binds {@code values} by parameter name, in rendered order. */
    void bind(PreparedStatement statement, Map<String, ?> values) throws SQLException {
        bind(statement, values, 0);
    }

    /**
     * Binds {@code values} by parameter name, in rendered order, after the first {@code offset} parameters of
     * {@code statement} (which runs other statements before this one).
     *
     * @return how many parameters this template has
     */
    int bind(PreparedStatement statement, Map<String, ?> values, int offset) throws SQLException {
        for (int i = 0; i < occurrences.length; i++) {
            Object value = values.get(occurrences[i]);
            if (value == null && !values.containsKey(occurrences[i])) {
                throw new IllegalArgumentException("no value for parameter " + occurrences[i]);
            }
            bindOne(statement, i, offset + i + 1, value);
        }
        return occurrences.length;
    }

    private void bindOne(PreparedStatement statement, int i, int index, Object value) throws SQLException {
        switch (value) {
            case null -> statement.setNull(index, nullType(i));
            case Instant instant -> statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            case JSONB json -> statement.setString(index, json.data());
            case PGobject object -> {
                if (object instanceof PGBinaryObject) {
                    sendBinary(statement, object.getType());
                }
                statement.setObject(index, object);
            }
            default -> statement.setObject(index, value);
        }
    }

    /**
     * Has pgjdbc send values of {@code type} on this connection in their binary form: without it pgjdbc sends a
     * {@code PGBinaryObject} (pgvector-java's {@code PGvector}, say) as text, and formatting 384 floats as text
     * costs about 60 us per value ({@code PgvectorJavaBenchmark}); pgjdbc only sends binary for the types listed in
     * {@code binaryTransferEnable}, by OID, which an extension's type has only per database.
     */
    private static void sendBinary(PreparedStatement statement, String type) throws SQLException {
        BaseConnection connection = statement.getConnection().unwrap(BaseConnection.class);
        int oid = connection.getTypeInfo().getPGType(type); // a catalog lookup once per connection, then cached
        if (oid != Oid.UNSPECIFIED && !connection.binaryTransferSend(oid)) {
            connection.getQueryExecutor().addBinarySendOid(oid);
        }
    }

    private int nullType(int i) {
        if (sqlTypes[i] == Types.OTHER) {
            throw new IllegalArgumentException(
                    occurrences[i] + ": null of an untyped parameter would cost a round trip");
        }
        return sqlTypes[i];
    }
}
