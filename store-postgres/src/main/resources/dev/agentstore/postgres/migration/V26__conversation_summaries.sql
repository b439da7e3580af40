-- Summaries of conversations as a step of their own: each says which branch and which messages (through a
-- sequence) it stands for, so context assembly knows what it replaces; every summary is kept, numbered per
-- conversation. They go with their conversation.
CREATE TABLE conversation_summaries (
    tenant_id       text        NOT NULL,
    conversation_id uuid        NOT NULL,
    number          integer     NOT NULL CHECK (number > 0),
    branch          integer     NOT NULL CHECK (branch >= 0),
    covers_through  bigint      NOT NULL CHECK (covers_through > 0),
    content         text        NOT NULL,
    token_count     integer     NOT NULL CHECK (token_count >= 0),
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, conversation_id, number),
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX conversation_summaries_by_branch ON conversation_summaries (tenant_id, conversation_id, branch, number);
SELECT apply_tenant_policy('conversation_summaries');
