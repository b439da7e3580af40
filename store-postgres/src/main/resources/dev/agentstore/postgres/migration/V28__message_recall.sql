-- Semantic recall over past messages, opt-in per user or per agent. The embeddings come from the caller's model and
-- are stored as real[]: the column needs no extension, and with pgvector installed each dimension gets an HNSW index
-- on the cast to vector(n) (created at runtime, when the first embedding of that dimension arrives). An embedding goes
-- with its message (tombstones and edits remove it in the same transaction; retention, purge and erasure through the
-- keys); the sequence and user are copied from the message and its conversation, which never change, so a search
-- filters and excludes on the index's own table. The words of an embedded turn are kept as one row per distinct term
-- (message_terms), so the full-text ranking finds a user's matching turns through a B-tree on (tenant, user, term):
-- under forced row-level security a query may only use an index through leakproof operators, which text equality is
-- and tsvector @@ tsquery is not, so the GIN index on messages.search_vector would not be used.
CREATE TABLE recall_scopes (
    tenant_id  text        NOT NULL,
    kind       text        NOT NULL CHECK (kind IN ('USER', 'AGENT')),
    user_id    uuid,
    agent_id   uuid,
    subject_id uuid        GENERATED ALWAYS AS (coalesce(user_id, agent_id)) STORED,
    created_at timestamptz NOT NULL,
    CHECK (CASE kind
               WHEN 'USER' THEN user_id IS NOT NULL AND agent_id IS NULL
               ELSE agent_id IS NOT NULL AND user_id IS NULL END),
    PRIMARY KEY (tenant_id, kind, subject_id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, agent_id) REFERENCES agents (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX recall_scopes_by_agent ON recall_scopes (tenant_id, agent_id) WHERE agent_id IS NOT NULL;
SELECT apply_tenant_policy('recall_scopes');

CREATE TABLE message_embeddings (
    tenant_id       text        NOT NULL,
    message_id      uuid        NOT NULL,
    conversation_id uuid        NOT NULL,
    sequence        bigint      NOT NULL,
    user_id         uuid        NOT NULL,
    dimension       integer     NOT NULL CHECK (dimension BETWEEN 1 AND 4000),
    embedding       real[]      NOT NULL CHECK (cardinality(embedding) = dimension),
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, message_id),
    FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX message_embeddings_by_user ON message_embeddings (tenant_id, user_id, dimension);
CREATE INDEX message_embeddings_by_conversation ON message_embeddings (tenant_id, conversation_id, sequence);
SELECT apply_tenant_policy('message_embeddings');

-- Each weight is the term's occurrences over (1 + ln(1 + the turn's words)): summed over a query's terms, the turn's
-- full-text relevance. A query reads each of its terms' best turns by weight (message_terms_by_weight, walked
-- backwards), so a common word costs no more than a rare one.
CREATE TABLE message_terms (
    tenant_id       text    NOT NULL,
    user_id         uuid    NOT NULL,
    term            text    COLLATE "C" NOT NULL,
    message_id      uuid    NOT NULL,
    conversation_id uuid    NOT NULL,
    sequence        bigint  NOT NULL,
    weight          real    NOT NULL CHECK (weight > 0),
    PRIMARY KEY (tenant_id, user_id, term, message_id),
    FOREIGN KEY (tenant_id, message_id) REFERENCES message_embeddings (tenant_id, message_id) ON DELETE CASCADE
);
CREATE INDEX message_terms_by_weight ON message_terms (tenant_id, user_id, term, weight)
    INCLUDE (message_id, conversation_id, sequence);
CREATE INDEX message_terms_by_message ON message_terms (tenant_id, message_id);
SELECT apply_tenant_policy('message_terms');
