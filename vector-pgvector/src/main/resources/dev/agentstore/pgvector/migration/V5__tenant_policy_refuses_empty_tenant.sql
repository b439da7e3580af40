-- The tenant policy compared tenant_id with current_setting('agentstore.tenant_id', true), which reads '' (not
-- NULL) on a connection where the setting was set once and has since ended with its transaction: with no tenant
-- set, rows whose tenant_id is '' were visible and writable. NULLIF turns an empty setting into NULL, which equals
-- nothing, so without a tenant no row is visible or writable, whatever its tenant_id. Every tenant_isolation
-- policy of this schema is rewritten, the partitions' own included; partitions created from now on get the same
-- expression (TenantPolicy). The same migration runs in each agentstore schema.
DO $$
DECLARE
    t text;
BEGIN
    FOR t IN SELECT tablename FROM pg_policies
             WHERE schemaname = current_schema() AND policyname = 'tenant_isolation' LOOP
        EXECUTE format(
            'ALTER POLICY tenant_isolation ON %I'
            ' USING (tenant_id = NULLIF(current_setting(''agentstore.tenant_id'', true), ''''))'
            ' WITH CHECK (tenant_id = NULLIF(current_setting(''agentstore.tenant_id'', true), ''''))',
            t);
    END LOOP;
END
$$;
