-- apply_tenant_policy(table): the row-level security every agentstore table carries. It enables row-level
-- security, forces it on the table's owner too, and (re)creates the one policy, tenant_isolation, that confines
-- reads and writes to the tenant set with set_config('agentstore.tenant_id', <tenant>, true) in the current
-- transaction. With no tenant set, or an empty one, NULLIF makes the comparison NULL and no row matches.
-- Migrations call it for the tables they create, and the runtime for the partitions it creates; it is the only
-- place the policy is written. Only the migrating role (the schema owner) may call it.
CREATE OR REPLACE FUNCTION apply_tenant_policy(target regclass) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
    EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', target);
    EXECUTE format(
        'CREATE POLICY tenant_isolation ON %s'
        ' USING (tenant_id = NULLIF(current_setting(''agentstore.tenant_id'', true), ''''))'
        ' WITH CHECK (tenant_id = NULLIF(current_setting(''agentstore.tenant_id'', true), ''''))',
        target);
END
$$;

REVOKE ALL ON FUNCTION apply_tenant_policy(regclass) FROM PUBLIC;
