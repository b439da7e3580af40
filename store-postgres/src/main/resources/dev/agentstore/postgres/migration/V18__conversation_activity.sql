-- When a conversation was last active (its last append, or its creation before the first), when it ended (left
-- ACTIVE) and when it was soft-deleted, and the indexes that list a tenant's, a user's or an agent's conversations
-- by recent activity, and by metadata, without a sort or a scan.
ALTER TABLE conversations
    ADD COLUMN last_activity_at timestamptz,
    ADD COLUMN ended_at         timestamptz,
    ADD COLUMN deleted_at       timestamptz;

-- Backfill every tenant's rows: the schema owner runs this, and FORCE would confine it to no tenant at all, so
-- row-level security is lifted for the owner within this migration's transaction only.
ALTER TABLE conversations NO FORCE ROW LEVEL SECURITY;
ALTER TABLE messages NO FORCE ROW LEVEL SECURITY;
UPDATE conversations c SET
    last_activity_at = coalesce(
        (SELECT m.created_at FROM messages m
         WHERE m.tenant_id = c.tenant_id AND m.conversation_id = c.id AND m.sequence = c.last_sequence),
        c.created_at),
    ended_at = CASE WHEN c.status <> 'ACTIVE' THEN c.updated_at END,
    deleted_at = CASE WHEN c.status = 'DELETED' THEN c.updated_at END;
ALTER TABLE conversations FORCE ROW LEVEL SECURITY;
ALTER TABLE messages FORCE ROW LEVEL SECURITY;

ALTER TABLE conversations
    ALTER COLUMN last_activity_at SET NOT NULL,
    ADD CONSTRAINT conversations_ended CHECK ((status = 'ACTIVE') = (ended_at IS NULL)),
    ADD CONSTRAINT conversations_deleted CHECK ((status = 'DELETED') = (deleted_at IS NOT NULL));

CREATE INDEX conversations_by_activity ON conversations (tenant_id, last_activity_at DESC, id DESC);
CREATE INDEX conversations_by_user_activity ON conversations (tenant_id, user_id, last_activity_at DESC, id DESC);
DROP INDEX conversations_by_agent;
CREATE INDEX conversations_by_agent ON conversations (tenant_id, agent_id, id DESC) WHERE agent_id IS NOT NULL;
CREATE INDEX conversations_by_agent_activity ON conversations (tenant_id, agent_id, last_activity_at DESC, id DESC)
    WHERE agent_id IS NOT NULL;
CREATE INDEX conversations_metadata ON conversations USING gin (metadata);
