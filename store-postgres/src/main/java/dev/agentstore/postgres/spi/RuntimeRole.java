package dev.agentstore.postgres.spi;

import dev.agentstore.ConfigurationException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Record4;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses to run as a role PostgreSQL would not confine to one tenant. Row-level security is what keeps tenants
 * apart, and PostgreSQL skips it for superusers and {@code BYPASSRLS} roles; a table whose row-level security is
 * off or not forced confines no one; and a runtime role that owns tables can switch it off. Each of these fails the
 * open with a {@link ConfigurationException} that explains the least-privilege setup, unless {@code
 * postgres.allow-rls-bypass=true}, which logs a warning once instead. The one ownership that is expected is the
 * single-role setup (no {@code postgres.migration-user}: the runtime role migrates, so it owns the tables, which
 * stay forced under their policies): it is allowed with a warning once. The ingest role is not checked: it bypasses
 * row-level security by design and holds nothing but INSERT on the metrics and history tables.
 */
public final class RuntimeRole {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeRole.class);
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private RuntimeRole() {}

    /**
     * Checks the role {@code dsl} connects as against the schemas of {@code config}.
     *
     * @throws ConfigurationException if PostgreSQL would not keep tenants apart for it
     */
    public static void verify(DSLContext dsl, PostgresSettings config) {
        try {
            check(dsl, config);
        } catch (DataAccessException e) {
            throw PostgresErrors.translate(e);
        }
    }

    private static void check(DSLContext dsl, PostgresSettings config) {
        String[] schemas = {config.schema(), config.securitySchema()};
        String tables = " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = any({0}) and c.relkind in ('r', 'p')"
                + " and c.relname not like 'agentstore\\_%\\_history'";
        Record4<String, Boolean, Boolean, Integer> role = dsl.select(
                        DSL.field("r.rolname", SQLDataType.VARCHAR),
                        DSL.field("r.rolsuper", SQLDataType.BOOLEAN),
                        DSL.field("r.rolbypassrls", SQLDataType.BOOLEAN),
                        DSL.field(
                                "(select count(*)::int" + tables + " and c.relowner = r.oid)",
                                SQLDataType.INTEGER,
                                DSL.val(schemas)))
                .from(DSL.table("pg_roles r"))
                .where(DSL.condition("r.rolname = current_user"))
                .fetchSingle();
        int unprotected = dsl.fetchValue(DSL.field(
                "(select count(*)::int" + tables + " and not (c.relrowsecurity and c.relforcerowsecurity))",
                SQLDataType.INTEGER,
                DSL.val(schemas)));
        String name = role.value1();
        boolean separateMigrator = config.separateMigrator();
        if (role.value2()) {
            refuse(
                    config,
                    "the PostgreSQL role '" + name + "' is a superuser, to which PostgreSQL applies no"
                            + " row-level security");
        } else if (role.value3()) {
            refuse(
                    config,
                    "the PostgreSQL role '" + name + "' has BYPASSRLS, so PostgreSQL applies no row-level"
                            + " security to it");
        } else if (unprotected > 0) {
            refuse(config, unprotected + " agentstore table(s) have row-level security switched off or not forced");
        } else if (role.value4() > 0 && separateMigrator) {
            refuse(
                    config,
                    "the PostgreSQL role '" + name + "' owns " + role.value4() + " agentstore table(s),"
                            + " so it could switch their row-level security off; with postgres.migration-user set, the"
                            + " runtime role should own nothing");
        } else if (role.value4() > 0) {
            warnOnce(
                    "single-role:" + name,
                    "the PostgreSQL role '{}' owns agentstore's tables (it migrates them:"
                            + " no postgres.migration-user is set), so it could switch their row-level security off; set"
                            + " postgres.migration-user for least privilege",
                    name);
        }
    }

    private static void refuse(PostgresSettings config, String problem) {
        if (config.allowRlsBypass()) {
            warnOnce(problem, "{}: tenants are NOT kept apart by PostgreSQL (postgres.allow-rls-bypass=true)", problem);
            return;
        }
        throw new ConfigurationException(problem + ": PostgreSQL would not keep tenants apart. Run agentstore as an"
                + " ordinary role (NOSUPERUSER NOBYPASSRLS) that owns nothing, and migrate as another role with"
                + " postgres.migration-user (see the README's least-privilege setup); or set"
                + " postgres.allow-rls-bypass=true to accept it");
    }

    private static void warnOnce(String key, String message, Object argument) {
        if (WARNED.add(key)) {
            LOG.warn(message, argument);
        }
    }
}
