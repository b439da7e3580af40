-- Agent runs (seed 004's runs): one execution of an agent for a user, optionally within a conversation. The
-- status only moves forward, which the repository enforces by updating only from the allowed predecessors. A run
-- goes with its user and with its conversation.

CREATE TABLE agent_runs (
    tenant_id         text        NOT NULL,
    id                uuid        NOT NULL,
    user_id           uuid        NOT NULL,
    conversation_id   uuid,
    agent_type        text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('PENDING', 'PROCESSING', 'COMPLETED', 'FAILED',
                                                             'CANCELLED')),
    input             jsonb       NOT NULL DEFAULT '{}',
    output            jsonb       NOT NULL DEFAULT '{}',
    error_message     text,
    prompt_tokens     integer     NOT NULL DEFAULT 0 CHECK (prompt_tokens >= 0),
    completion_tokens integer     NOT NULL DEFAULT 0 CHECK (completion_tokens >= 0),
    metadata          jsonb       NOT NULL DEFAULT '{}',
    created_at        timestamptz NOT NULL,
    started_at        timestamptz,
    completed_at      timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX agent_runs_by_user ON agent_runs (tenant_id, user_id, id DESC);
CREATE INDEX agent_runs_by_conversation ON agent_runs (tenant_id, conversation_id, id DESC)
    WHERE conversation_id IS NOT NULL;
CREATE INDEX agent_runs_by_status ON agent_runs (tenant_id, status, id DESC);

ALTER TABLE agent_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE agent_runs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON agent_runs
    USING (tenant_id = current_setting('agentstore.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('agentstore.tenant_id', true));
