-- Conversations addressed by the caller's own key (an agent framework's memory id), unique per tenant, and the
-- memory window: the part of the history a framework's chat memory still holds, as one pinned message (0 for none)
-- and the first sequence of the rest. A new conversation's window is its whole history.
ALTER TABLE conversations
    ADD COLUMN external_key  text,
    ADD COLUMN memory_start  bigint NOT NULL DEFAULT 1 CHECK (memory_start >= 1),
    ADD COLUMN memory_pinned bigint NOT NULL DEFAULT 0 CHECK (memory_pinned >= 0 AND memory_pinned < memory_start);

CREATE UNIQUE INDEX conversations_external_key ON conversations (tenant_id, external_key)
    WHERE external_key IS NOT NULL;
