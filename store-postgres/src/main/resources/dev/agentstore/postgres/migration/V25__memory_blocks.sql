-- Memory blocks (Letta's core memory): labelled texts an agent keeps in its prompt, owned by an agent, a user, or
-- shared and attached to agents. Labels are unique per owner. Every value a block has had is a revision, written
-- in the same transaction as the change, with who wrote it (an agent's or user's id; erasing a user clears it).
-- A user's blocks go with the user, an agent's with the agent; a block's revisions and attachments go with it.
CREATE TABLE memory_blocks (
    tenant_id   text        NOT NULL,
    id          uuid        NOT NULL,
    owner_kind  text        NOT NULL CHECK (owner_kind IN ('AGENT', 'USER', 'SHARED')),
    agent_id    uuid,
    user_id     uuid,
    label       text        COLLATE "C" NOT NULL,
    value       text        NOT NULL,
    char_limit  integer     NOT NULL CHECK (char_limit > 0),
    description text,
    pinned      boolean     NOT NULL,
    version     bigint      NOT NULL CHECK (version > 0),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    updated_by  uuid,
    CHECK (char_length(value) <= char_limit),
    CHECK (CASE owner_kind
               WHEN 'AGENT' THEN agent_id IS NOT NULL AND user_id IS NULL
               WHEN 'USER' THEN user_id IS NOT NULL AND agent_id IS NULL
               ELSE agent_id IS NULL AND user_id IS NULL END),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, agent_id) REFERENCES agents (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
-- One label per owner: the shared owner is the nil uuid here.
CREATE UNIQUE INDEX memory_blocks_label ON memory_blocks
    (tenant_id, owner_kind, coalesce(agent_id, user_id, '00000000-0000-0000-0000-000000000000'::uuid), label);
CREATE INDEX memory_blocks_by_user ON memory_blocks (tenant_id, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX memory_blocks_by_agent ON memory_blocks (tenant_id, agent_id) WHERE agent_id IS NOT NULL;
SELECT apply_tenant_policy('memory_blocks');

CREATE TABLE memory_block_revisions (
    tenant_id text        NOT NULL,
    block_id  uuid        NOT NULL,
    version   bigint      NOT NULL CHECK (version > 0),
    value     text        NOT NULL,
    edited_by uuid,
    edited_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, block_id, version),
    FOREIGN KEY (tenant_id, block_id) REFERENCES memory_blocks (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX memory_block_revisions_by_editor ON memory_block_revisions (tenant_id, edited_by)
    WHERE edited_by IS NOT NULL;
SELECT apply_tenant_policy('memory_block_revisions');

CREATE TABLE memory_block_agents (
    tenant_id text NOT NULL,
    block_id  uuid NOT NULL,
    agent_id  uuid NOT NULL,
    PRIMARY KEY (tenant_id, block_id, agent_id),
    FOREIGN KEY (tenant_id, block_id) REFERENCES memory_blocks (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, agent_id) REFERENCES agents (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX memory_block_agents_by_agent ON memory_block_agents (tenant_id, agent_id);
SELECT apply_tenant_policy('memory_block_agents');
