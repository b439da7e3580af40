-- What conversation retention walks, a batch at a time, without scanning a tenant's rows: soft-deleted conversations
-- by deletion time, idempotency keys by age, and a removed message's feedback (the cascade looks it up by message).
CREATE INDEX conversations_deleted ON conversations (tenant_id, deleted_at) WHERE status = 'DELETED';
CREATE INDEX message_append_keys_by_age ON message_append_keys (tenant_id, created_at);
CREATE INDEX message_feedback_by_message ON message_feedback (tenant_id, message_id) WHERE message_id IS NOT NULL;
