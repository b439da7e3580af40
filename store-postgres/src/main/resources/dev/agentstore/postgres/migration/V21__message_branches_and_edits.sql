-- Edits, tombstones and branches. Every message is stored once, under the branch it was appended to (0 is the main
-- branch every conversation starts with); a forked branch holds its parent's messages up to parent_sequence, and its
-- own, numbered on from the conversation's last sequence. `live` marks the messages of the conversation's current
-- branch that are not tombstones: the only ones history, windows, memory and search read, so reading the current
-- branch stays one range of the primary key. A fork or a switch moves the flag on the messages after the point where
-- the two lines part; a tombstone (deleted_at) keeps the row, its links and its place, with its content erased.
ALTER TABLE messages
    ADD COLUMN branch     integer NOT NULL DEFAULT 0 CHECK (branch >= 0),
    ADD COLUMN live       boolean NOT NULL DEFAULT true,
    ADD COLUMN revision   integer NOT NULL DEFAULT 0 CHECK (revision >= 0),
    ADD COLUMN edited_at  timestamptz,
    ADD COLUMN deleted_at timestamptz,
    ADD CONSTRAINT messages_tombstone_not_live CHECK (deleted_at IS NULL OR NOT live);

ALTER TABLE conversations
    ADD COLUMN current_branch integer NOT NULL DEFAULT 0 CHECK (current_branch >= 0),
    ADD COLUMN last_branch    integer NOT NULL DEFAULT 0 CHECK (last_branch >= current_branch);

-- The branches forked off a conversation's main branch (which has no row).
CREATE TABLE conversation_branches (
    tenant_id         text        NOT NULL,
    conversation_id   uuid        NOT NULL,
    number            integer     NOT NULL CHECK (number > 0),
    parent_number     integer     NOT NULL CHECK (parent_number >= 0 AND parent_number < number),
    parent_sequence   bigint      NOT NULL CHECK (parent_sequence >= 0),
    parent_message_id uuid        CHECK ((parent_message_id IS NULL) = (parent_sequence = 0)),
    created_at        timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, conversation_id, number),
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id) ON DELETE CASCADE
);
SELECT apply_tenant_policy('conversation_branches');

-- The contents an edited message had, each with the edit that replaced it; they go with the message (and so with
-- its tombstone, its conversation and its user).
CREATE TABLE message_revisions (
    tenant_id   text        NOT NULL,
    message_id  uuid        NOT NULL,
    revision    integer     NOT NULL CHECK (revision >= 0),
    content     text        NOT NULL,
    token_count integer     NOT NULL CHECK (token_count >= 0),
    replaced_by text        NOT NULL,
    replaced_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, message_id, revision),
    FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id) ON DELETE CASCADE
);
SELECT apply_tenant_policy('message_revisions');
