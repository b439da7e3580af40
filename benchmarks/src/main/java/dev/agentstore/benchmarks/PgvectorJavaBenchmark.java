package dev.agentstore.benchmarks;

import com.pgvector.PGvector;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

/**
 * Issue 23's question about pgvector-java ({@code com.pgvector:pgvector}): does binding and reading vectors through
 * its {@code PGvector} type beat what vector-pgvector does (the vector as text, cast with {@code ::vector}, read
 * back from text)? Raw JDBC on one HNSW-indexed table of 10,000 x 384 vectors, top-10 by cosine distance, each side
 * on its own connection, taking turns query by query:
 *
 * <ul>
 *   <li>text: {@code setString} of pgvector's text form and {@code ?::vector}, embeddings read with {@code
 *       getString} and parsed (vector-pgvector's way);
 *   <li>text, untyped: the same text bound as {@code Types.OTHER}, so the server types the parameter from the cast;
 *   <li>PGvector: {@code setObject(new PGvector(q))} and {@code getObject}, the type registered on the connection;
 *   <li>PGvector, binary: the same with pgjdbc's binary transfer switched on for the vector type's OID.
 * </ul>
 *
 * Each side runs the query twice: returning ids and distances only, and returning the embeddings too. Also times
 * the Java work alone (format and parse vs PGvector's). Prints a Markdown table of medians over rounds.
 */
public final class PgvectorJavaBenchmark {
    private static final int ROWS = 10_000;
    private static final int DIMENSION = 384;
    private static final int QUERIES = 2_000;
    private static final String IDS =
            "select id, embedding <=> %s as distance from public.pgj order by embedding <=> %s" + " limit 10";
    private static final String WITH_EMBEDDINGS = "select id, embedding <=> %s as distance, embedding"
            + " from public.pgj order by embedding <=> %s limit 10";

    private PgvectorJavaBenchmark() {}

    /** One way to bind a query vector and read the rows. */
    private interface Side {
        void query(String sqlTemplate, float[] vector) throws SQLException;
    }

    /** Runs {@code args[0]} rounds (default 5) and prints the table. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        PostgresDatabase database = BenchmarkConfig.migratedDatabase();
        long oid;
        try (Connection admin = database.adminConnection();
                Statement ddl = admin.createStatement()) {
            ddl.execute("create table public.pgj (id bigint primary key, embedding vector(" + DIMENSION + "))");
            ddl.execute(
                    "insert into public.pgj select i, (select array_agg(random() - 0.5)" + " from generate_series(1, "
                            + DIMENSION + ") d where i > 0)::vector from generate_series(1, " + ROWS + ") i");
            ddl.execute("create index on public.pgj using hnsw (embedding vector_cosine_ops)");
            ddl.execute("grant select on public.pgj to " + database.runtimeRole());
            ddl.execute("vacuum analyze public.pgj");
            try (ResultSet rows = ddl.executeQuery("select 'vector'::regtype::oid")) {
                rows.next();
                oid = rows.getLong(1);
            }
        }
        Random random = new Random(23);
        List<float[]> queries = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            float[] q = new float[DIMENSION];
            for (int d = 0; d < DIMENSION; d++) {
                q[d] = random.nextFloat() - 0.5f;
            }
            queries.add(q);
        }
        String[] names = {
            "text and ::vector (vector-pgvector)",
            "text, untyped parameter, and ::vector",
            "PGvector",
            "PGvector, binary transfer"
        };
        Map<String, double[]> idsP50 = new LinkedHashMap<>();
        Map<String, double[]> embeddingsP50 = new LinkedHashMap<>();
        for (String name : names) {
            idsP50.put(name, new double[rounds]);
            embeddingsP50.put(name, new double[rounds]);
        }
        for (int round = -1; round < rounds; round++) { // round -1 warms up
            try (Connection text = connect(database, null);
                    Connection untyped = connect(database, null);
                    Connection typed = connect(database, null);
                    Connection binary = connect(database, Long.toString(oid))) {
                PGvector.addVectorType(typed);
                PGvector.addVectorType(binary);
                Side[] sides = {
                    (sql, q) -> run(text, sql.formatted("?::vector", "?::vector"), format(q), true),
                    (sql, q) -> run(untyped, sql.formatted("?::vector", "?::vector"), new Untyped(format(q)), true),
                    (sql, q) -> run(typed, sql.formatted("?", "?"), new PGvector(q), false),
                    (sql, q) -> run(binary, sql.formatted("?", "?"), new PGvector(q), false)
                };
                List<Samples> ids = new ArrayList<>();
                List<Samples> embeddings = new ArrayList<>();
                for (int s = 0; s < sides.length; s++) {
                    ids.add(new Samples());
                    embeddings.add(new Samples());
                }
                for (int i = 0; i < QUERIES; i++) {
                    float[] q = queries.get(i % queries.size());
                    for (int k = 0; k < sides.length; k++) {
                        int s = (i + k) % sides.length;
                        Side side = sides[s];
                        ids.get(s).time(() -> call(side, IDS, q));
                        embeddings.get(s).time(() -> call(side, WITH_EMBEDDINGS, q));
                    }
                }
                if (round >= 0) {
                    for (int s = 0; s < sides.length; s++) {
                        idsP50.get(names[s])[round] = ids.get(s).percentileMillis(0.5);
                        embeddingsP50.get(names[s])[round] = embeddings.get(s).percentileMillis(0.5);
                    }
                }
            }
        }
        System.out.println("| binding and reading | top-10 ids p50 (ms) | top-10 with embeddings p50 (ms) |");
        System.out.println("| --- | ---: | ---: |");
        for (String name : names) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.3f | %.3f |%n",
                    name,
                    Samples.median(idsP50.get(name)),
                    Samples.median(embeddingsP50.get(name)));
        }
        javaWork(queries.getFirst());
    }

    private static void call(Side side, String sql, float[] q) {
        try {
            side.query(sql, q);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect(PostgresDatabase database, String binaryOid) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", database.runtimeRole());
        properties.setProperty("password", "runtime");
        if (binaryOid != null) {
            properties.setProperty("binaryTransferEnable", binaryOid);
        }
        return DriverManager.getConnection(database.url(), properties);
    }

    /** Runs one top-10 query, binding {@code vector} twice, and reads every column of every row. */
    private static void run(Connection connection, String sql, Object vector, boolean textual) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (vector instanceof Untyped untyped) {
                query.setObject(1, untyped.text(), java.sql.Types.OTHER);
                query.setObject(2, untyped.text(), java.sql.Types.OTHER);
            } else if (textual) {
                query.setString(1, (String) vector);
                query.setString(2, (String) vector);
            } else {
                query.setObject(1, vector);
                query.setObject(2, vector);
            }
            try (ResultSet rows = query.executeQuery()) {
                boolean embeddings = rows.getMetaData().getColumnCount() == 3;
                while (rows.next()) {
                    rows.getLong(1);
                    rows.getDouble(2);
                    if (embeddings) {
                        float[] read = textual ? parse(rows.getString(3)) : ((PGvector) rows.getObject(3)).toArray();
                        if (read.length != DIMENSION) {
                            throw new IllegalStateException("read " + read.length + " dimensions");
                        }
                    }
                }
            }
        }
    }

    /** A vector's text bound with no declared type, so the server infers {@code vector} from the cast. */
    private record Untyped(String text) {}

    /** The Java side alone: nanoseconds to format and parse one vector, both ways. */
    private static void javaWork(float[] vector) throws SQLException {
        int n = 200_000;
        long sink = 0;
        for (int pass = 0; pass < 2; pass++) { // the first pass warms up
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += parse(format(vector)).length;
            }
            long text = System.nanoTime() - start;
            start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += new PGvector(new PGvector(vector).getValue()).toArray().length;
            }
            long pg = System.nanoTime() - start;
            start = System.nanoTime();
            byte[] bytes = new byte[new PGvector(vector).lengthInBytes()];
            for (int i = 0; i < n; i++) {
                PGvector out = new PGvector(vector);
                out.toBytes(bytes, 0);
                PGvector in = new PGvector();
                in.setByteValue(bytes, 0);
                sink += in.toArray().length;
            }
            long binary = System.nanoTime() - start;
            if (pass == 1) {
                System.out.printf(
                        Locale.ROOT,
                        "%nJava work per %d-dimension vector, format + parse: text %.0f ns, PGvector text %.0f ns,"
                                + " PGvector binary %.0f ns (checksum %d)%n",
                        DIMENSION,
                        text / (double) n,
                        pg / (double) n,
                        binary / (double) n,
                        sink % 7);
            }
        }
    }

    /** pgvector's text form, as vector-pgvector writes it. */
    private static String format(float[] vector) {
        StringBuilder text = new StringBuilder(vector.length * 10 + 2).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(vector[i]);
        }
        return text.append(']').toString();
    }

    /** pgvector's text form read back, as vector-pgvector reads it. */
    private static float[] parse(String text) {
        String[] parts = text.substring(1, text.length() - 1).split(",");
        float[] vector = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            vector[i] = Float.parseFloat(parts[i]);
        }
        return vector;
    }
}
