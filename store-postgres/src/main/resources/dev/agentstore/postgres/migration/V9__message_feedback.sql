-- Feedback (seed 002's conversation_feedback): a user's rating of a message, or of a whole conversation
-- (message_id NULL), one per user and target; the rated message's model is kept for per-model aggregates.

CREATE TABLE message_feedback (
    tenant_id       text        NOT NULL,
    id              uuid        NOT NULL,
    user_id         uuid        NOT NULL,
    conversation_id uuid        NOT NULL,
    message_id      uuid,
    rating          smallint    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment         text,
    model           text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX message_feedback_per_message ON message_feedback (tenant_id, user_id, message_id)
    WHERE message_id IS NOT NULL;
CREATE UNIQUE INDEX message_feedback_per_conversation ON message_feedback (tenant_id, user_id, conversation_id)
    WHERE message_id IS NULL;
CREATE INDEX message_feedback_by_conversation ON message_feedback (tenant_id, conversation_id, id);
CREATE INDEX message_feedback_by_time ON message_feedback (tenant_id, updated_at);

ALTER TABLE message_feedback ENABLE ROW LEVEL SECURITY;
ALTER TABLE message_feedback FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON message_feedback
    USING (tenant_id = current_setting('agentstore.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('agentstore.tenant_id', true));
