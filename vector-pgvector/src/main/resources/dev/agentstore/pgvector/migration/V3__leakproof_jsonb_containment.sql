-- Row-level security keeps a query's own conditions behind the policy unless their functions are LEAKPROOF, so
-- under RLS "metadata @> '{...}'" can never use the GIN index vector_chunks_metadata: every filtered exact search
-- would read the whole collection. jsonb_contains (the function behind jsonb @> jsonb) raises no error and has no
-- side effect that depends on its arguments, so declaring it LEAKPROOF is safe; it takes a superuser, so a
-- migrator that is not one leaves it to the DBA (see the README's least-privilege setup) and filters still work,
-- without the index.
DO $$
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        ALTER FUNCTION pg_catalog.jsonb_contains(jsonb, jsonb) LEAKPROOF;
    ELSE
        RAISE NOTICE 'not a superuser: run "ALTER FUNCTION pg_catalog.jsonb_contains(jsonb, jsonb) LEAKPROOF" as one so metadata filters can use their index under row-level security';
    END IF;
END
$$;
