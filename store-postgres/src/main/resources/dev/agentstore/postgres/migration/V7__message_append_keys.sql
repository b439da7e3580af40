-- Idempotency keys of appends: the first append with a key records where its messages start, and a retry with
-- the same key returns those messages instead of appending again. Keys go with their conversation.

CREATE TABLE message_append_keys (
    tenant_id       text        NOT NULL,
    conversation_id uuid        NOT NULL,
    idempotency_key text        NOT NULL,
    first_sequence  bigint      NOT NULL,
    message_count   integer     NOT NULL CHECK (message_count > 0),
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, conversation_id, idempotency_key),
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id) ON DELETE CASCADE
);

ALTER TABLE message_append_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE message_append_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON message_append_keys
    USING (tenant_id = current_setting('agentstore.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('agentstore.tenant_id', true));
