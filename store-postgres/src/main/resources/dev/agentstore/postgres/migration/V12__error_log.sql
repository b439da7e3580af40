-- The error log (seeds 002 and 003's error_logs), range-partitioned by UTC month of occurred_at like the metrics.
-- Ids are time-ordered (UUIDv7), so listing newest first walks (tenant_id, id) backwards. agent_id is not a
-- foreign key: an entry outlives its agent.

CREATE TABLE error_log (
    tenant_id   text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    id          uuid        NOT NULL,
    service     text        COLLATE "C" NOT NULL,
    error_type  text        COLLATE "C" NOT NULL,
    message     text        NOT NULL,
    stack_trace text,
    details     jsonb       NOT NULL DEFAULT '{}',
    agent_id    uuid,
    PRIMARY KEY (tenant_id, occurred_at, id)
) PARTITION BY RANGE (occurred_at);
CREATE INDEX error_log_by_id ON error_log (tenant_id, id);
CREATE INDEX error_log_by_type ON error_log (tenant_id, error_type, occurred_at);

ALTER TABLE error_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE error_log FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON error_log
    USING (tenant_id = current_setting('agentstore.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('agentstore.tenant_id', true));
