package dev.agentstore.codegen;

import dev.agentstore.postgres.spi.PostgresMigrations;
import dev.agentstore.postgres.spi.TenantPolicyMigration;
import dev.agentstore.testkit.fixture.LocalPostgres;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Regenerates the committed jOOQ classes of every PostgreSQL backend from its migrations. It reads the
 * migrations from the source tree rather than from the backends' jars, so it works even when the committed
 * classes no longer compile against a changed schema.
 */
public final class GenerateJooq {
    /** The schema the classes are generated from; backends map it to the configured schema at runtime. */
    static final String SCHEMA = "agentstore";

    /** The security tables' schema the classes are generated from, mapped at runtime the same way. */
    static final String SECURITY_SCHEMA = "agentstore_security";

    /** The backends with generated classes, in migration order. */
    static final List<Module> MODULES = List.of(
            new Module(
                    "store-postgres",
                    SCHEMA,
                    "dev/agentstore/postgres/migration",
                    "agentstore_postgres_history",
                    PostgresMigrations.TENANT_POLICY_VERSION,
                    "dev.agentstore.postgres.internal.jooq",
                    ".*",
                    "vector_.*|(system|llm)_metrics_\\d{4}_\\d{2}|metric_series_\\d{4}_\\d{2}"),
            new Module(
                    "vector-pgvector",
                    SCHEMA,
                    "dev/agentstore/pgvector/migration",
                    "agentstore_pgvector_history",
                    "6", // PgvectorMigrations.TENANT_POLICY_VERSION
                    "dev.agentstore.pgvector.internal.jooq",
                    "vector_.*",
                    "vector_chunks_.+"),
            new Module(
                    "store-postgres",
                    SECURITY_SCHEMA,
                    "dev/agentstore/postgres/security/migration",
                    "agentstore_security_history",
                    PostgresMigrations.SECURITY_TENANT_POLICY_VERSION,
                    "dev.agentstore.postgres.internal.security.jooq",
                    ".*",
                    "$^"));

    /**
     * A backend module's schema: its directory, the schema, migrations, Flyway history table, the version at which
     * its migrations create the tenant-policy function, the package to
     * generate, and which of the schema's tables are its own (regular expressions; history tables are always left
     * out).
     */
    record Module(
            String directory,
            String schema,
            String migrations,
            String historyTable,
            String tenantPolicyVersion,
            String packageName,
            String includes,
            String excludes) {}

    private GenerateJooq() {}

    /**
     * Generates into the modules below {@code args[0]}, the repository root.
     *
     * @throws Exception if PostgreSQL cannot start, a migration fails or generation fails
     */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        try (LocalPostgres postgres = LocalPostgres.launch()) {
            String url = postgres.createDatabase();
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(url);
            dataSource.setUser(postgres.username());
            for (Module module : MODULES) {
                migrate(dataSource, root.resolve(module.directory()).resolve("src/main/resources"), module);
            }
            for (Module module : MODULES) {
                GenerationTool.generate(configuration(url, postgres.username(), root, module));
            }
        }
    }

    private static void migrate(PGSimpleDataSource dataSource, Path resources, Module module) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("filesystem:" + resources.resolve(module.migrations()))
                .schemas(module.schema())
                .defaultSchema(module.schema())
                .table(module.historyTable())
                .javaMigrations(new TenantPolicyMigration(module.tenantPolicyVersion()))
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    private static Configuration configuration(String url, String user, Path root, Module module) {
        Database database = new Database()
                .withName("org.jooq.meta.postgres.PostgresDatabase")
                .withInputSchema(module.schema())
                .withIncludes(module.includes())
                .withExcludes("agentstore_[a-z]+_history|" + module.excludes())
                .withIncludeRoutines(false)
                .withIncludeSequences(false)
                .withForcedTypes(
                        new ForcedType().withName("INSTANT").withIncludeTypes("timestamp\\ with\\ time\\ zone"),
                        // jOOQ has no tsvector type (and deprecates unknown ones); we only match against it
                        new ForcedType()
                                .withName("VARCHAR")
                                .withIncludeTypes("tsvector")
                                .withIgnoreUnused(true),
                        // pgvector's vector as float[] through vector-pgvector's binding
                        new ForcedType()
                                .withUserType("float[]")
                                .withBinding("dev.agentstore.pgvector.internal.VectorBinding")
                                .withIncludeTypes("vector")
                                .withIgnoreUnused(true));
        Generate generate = new Generate()
                .withRecords(false)
                .withPojos(false)
                .withDaos(false)
                .withGeneratedAnnotation(false)
                .withComments(false)
                .withJavadoc(true)
                .withFluentSetters(false)
                .withGlobalObjectReferences(true);
        return new Configuration()
                .withJdbc(new Jdbc()
                        .withDriver("org.postgresql.Driver")
                        .withUrl(url)
                        .withUser(user))
                .withGenerator(new Generator()
                        .withName("org.jooq.codegen.JavaGenerator")
                        .withDatabase(database)
                        .withGenerate(generate)
                        .withTarget(new Target()
                                .withPackageName(module.packageName())
                                .withDirectory(root.resolve(module.directory())
                                        .resolve("src/main/jooq")
                                        .toString())
                                .withClean(true)));
    }
}
