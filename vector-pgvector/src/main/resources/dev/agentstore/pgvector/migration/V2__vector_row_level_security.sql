-- Tenant isolation enforced by PostgreSQL, as for store-postgres's tables: rows are visible and writable only
-- for the tenant set with set_config('agentstore.tenant_id', <tenant>, true) in the transaction. The policies of
-- the partitioned table apply to every query through it; the runtime role is granted nothing on partitions.

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['vector_collections', 'vector_chunks'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format(
            'CREATE POLICY tenant_isolation ON %I'
            ' USING (tenant_id = current_setting(''agentstore.tenant_id'', true))'
            ' WITH CHECK (tenant_id = current_setting(''agentstore.tenant_id'', true))',
            t);
    END LOOP;
END
$$;
