-- The audit log (seed 004's audit_logs): append-only. Triggers refuse UPDATE, DELETE and TRUNCATE for every
-- role, the owner included (row triggers are cloned onto each monthly partition); entries leave only when
-- retention drops a whole partition. The migrator also revokes UPDATE and DELETE from the runtime role. actor_id
-- is not a foreign key: erasing a user keeps the record of what was done, the erase included.

CREATE TABLE audit_log (
    tenant_id     text        NOT NULL,
    occurred_at   timestamptz NOT NULL,
    id            uuid        NOT NULL,
    actor_id      uuid,
    action        text        COLLATE "C" NOT NULL,
    resource_type text        COLLATE "C" NOT NULL,
    resource_id   text        COLLATE "C",
    ip_address    text,
    user_agent    text,
    request_id    text,
    details       jsonb       NOT NULL DEFAULT '{}',
    PRIMARY KEY (tenant_id, occurred_at, id)
) PARTITION BY RANGE (occurred_at);
CREATE INDEX audit_log_by_id ON audit_log (tenant_id, id);
CREATE INDEX audit_log_by_actor ON audit_log (tenant_id, actor_id, id) WHERE actor_id IS NOT NULL;
CREATE INDEX audit_log_by_resource ON audit_log (tenant_id, resource_type, resource_id, id);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_log
    USING (tenant_id = current_setting('agentstore.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('agentstore.tenant_id', true));
