-- agentstore's one-time database setup, run once by a superuser in the application's database.
-- The passwords come from the session settings agentstore.app_password and agentstore.migrator_password
-- (init.sh passes them from the environment), so none is written in this file.

-- pgvector, for vector-pgvector. Creating an extension takes a superuser; queries name vector and halfvec
-- unqualified, so it lives in public.
CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public;

-- Optional, and database-wide: jsonb containment raises no errors and has no side effects, and marked leakproof
-- it lets metadata filters use their GIN index under row-level security; but the mark changes how the planner
-- orders it against every row-level security policy in this database, other applications' included. To opt in,
-- uncomment it and set AGENTSTORE_PGVECTOR_LEAKPROOF_JSONB=true; filters return the same rows without it.
-- ALTER FUNCTION pg_catalog.jsonb_contains(jsonb, jsonb) LEAKPROOF;

-- Two roles. agentstore_migrator owns agentstore's schemas and applies the migrations bundled in its jars, then
-- grants the runtime role what it needs. agentstore_app is what the application logs in as: it owns nothing and
-- is neither superuser nor BYPASSRLS, so PostgreSQL's row-level security keeps tenants apart.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'agentstore_migrator') THEN
        EXECUTE format('CREATE ROLE agentstore_migrator LOGIN PASSWORD %L',
                       current_setting('agentstore.migrator_password'));
    ELSE
        EXECUTE format('ALTER ROLE agentstore_migrator LOGIN PASSWORD %L',
                       current_setting('agentstore.migrator_password'));
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'agentstore_app') THEN
        EXECUTE format('CREATE ROLE agentstore_app LOGIN PASSWORD %L NOSUPERUSER NOBYPASSRLS',
                       current_setting('agentstore.app_password'));
    ELSE
        EXECUTE format('ALTER ROLE agentstore_app LOGIN PASSWORD %L NOSUPERUSER NOBYPASSRLS',
                       current_setting('agentstore.app_password'));
    END IF;
    -- the migrator creates the agentstore schemas in this database
    EXECUTE format('GRANT CREATE ON DATABASE %I TO agentstore_migrator', current_database());
END
$$;
