-- Users across channels, their sessions, conversations and messages. Every key leads with tenant_id, and
-- row-level security (V4) confines every statement to the tenant set in agentstore.tenant_id.

CREATE TABLE users (
    tenant_id    text        NOT NULL,
    id           uuid        NOT NULL,
    channel      text        NOT NULL,
    external_id  text        NOT NULL,
    display_name text,
    preferences  jsonb       NOT NULL DEFAULT '{}',
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, channel, external_id)
);

CREATE TABLE chat_sessions (
    tenant_id      text        NOT NULL,
    id             uuid        NOT NULL,
    user_id        uuid        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('ACTIVE', 'ENDED')),
    metadata       jsonb       NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL,
    last_active_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX chat_sessions_by_user ON chat_sessions (tenant_id, user_id, last_active_at DESC, id DESC);

CREATE TABLE conversations (
    tenant_id      text        NOT NULL,
    id             uuid        NOT NULL,
    user_id        uuid        NOT NULL,
    session_id     uuid,
    title          text,
    status         text        NOT NULL CHECK (status IN ('ACTIVE', 'ARCHIVED', 'DELETED')),
    model_override text,
    summary        text,
    metadata       jsonb       NOT NULL DEFAULT '{}',
    version        bigint      NOT NULL CHECK (version > 0),
    last_sequence  bigint      NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, session_id) REFERENCES chat_sessions (tenant_id, id) ON DELETE SET NULL (session_id)
);
-- Ids are UUIDv7 (time-ordered), so id DESC lists newest first.
CREATE INDEX conversations_by_user ON conversations (tenant_id, user_id, id DESC);

CREATE TABLE messages (
    tenant_id       text        NOT NULL,
    conversation_id uuid        NOT NULL,
    sequence        bigint      NOT NULL CHECK (sequence > 0),
    id              uuid        NOT NULL,
    role            text        NOT NULL CHECK (role IN ('SYSTEM', 'USER', 'ASSISTANT', 'TOOL')),
    content         text        NOT NULL,
    tool_calls      jsonb       NOT NULL DEFAULT '[]',
    tool_call_id    text,
    model_id        text,
    request_id      text,
    token_count     integer     NOT NULL CHECK (token_count >= 0),
    metadata        jsonb       NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL,
    search_vector   tsvector    GENERATED ALWAYS AS (to_tsvector('simple', content)) STORED,
    -- The primary key is the keyset-paging index: (tenant, conversation, sequence) both ways.
    PRIMARY KEY (tenant_id, conversation_id, sequence),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX messages_search ON messages USING gin (search_vector);
