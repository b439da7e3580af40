-- The token window pins a conversation's first system message; this partial index finds it in one probe
-- (or proves there is none) instead of scanning the conversation.
CREATE INDEX messages_system ON messages (tenant_id, conversation_id, sequence) WHERE role = 'SYSTEM';
