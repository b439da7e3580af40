-- Tenant isolation enforced by PostgreSQL: every statement sees and writes only the rows of the tenant set with
-- set_config('agentstore.tenant_id', <tenant>, true) in its transaction; with no tenant set it sees nothing.
-- FORCE applies the policies to the tables' owner too. (Superusers and BYPASSRLS roles are never confined:
-- run the application as an ordinary role; see the README's least-privilege setup.)

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['users', 'chat_sessions', 'conversations', 'messages', 'models', 'response_cache'] LOOP
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
