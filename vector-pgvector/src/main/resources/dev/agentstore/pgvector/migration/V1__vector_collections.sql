-- Vector collections and their chunks. pgvector must be installed in the database; creating the extension needs
-- a superuser once (see the README's least-privilege setup), after which IF NOT EXISTS makes this a no-op. It goes
-- into public, which is on every role's search path: agentstore's queries name the types vector and halfvec
-- unqualified, so a DBA who installs it elsewhere puts that schema on the runtime role's search path.
CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public;

-- The extension's types resolve for the rest of this migration wherever it is installed.
SELECT set_config(
    'search_path',
    current_setting('search_path') || ', '
        || (SELECT quote_ident(n.nspname) FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
            WHERE e.extname = 'vector'),
    true);

-- A collection: the dimension, scoring and index every chunk in it shares. The index parameters are zero where
-- they do not apply to the index type.
CREATE TABLE vector_collections (
    tenant_id            text        NOT NULL,
    id                   uuid        NOT NULL,
    name                 text        NOT NULL,
    dimension            integer     NOT NULL CHECK (dimension BETWEEN 1 AND 16000),
    metric               text        NOT NULL CHECK (metric IN ('COSINE', 'L2', 'INNER_PRODUCT')),
    element_type         text        NOT NULL CHECK (element_type IN ('VECTOR', 'HALFVEC')),
    index_type           text        NOT NULL CHECK (index_type IN ('HNSW', 'IVFFLAT', 'NONE')),
    hnsw_m               integer     NOT NULL DEFAULT 0 CHECK (hnsw_m BETWEEN 0 AND 100),
    hnsw_ef_construction integer     NOT NULL DEFAULT 0 CHECK (hnsw_ef_construction BETWEEN 0 AND 1000),
    ivfflat_lists        integer     NOT NULL DEFAULT 0 CHECK (ivfflat_lists BETWEEN 0 AND 32768),
    embedding_model      text,
    created_at           timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name)
);

-- Chunks of every collection, one LIST partition per collection (created with the collection by the schema
-- owner), so that each collection has its own approximate index over its own dimension, an index build reads
-- only that collection's rows, and dropping a collection drops a table instead of deleting rows. The embedding
-- keeps the precision it was written with; indexes and searches cast it to the collection's type and dimension.
CREATE TABLE vector_chunks (
    tenant_id      text        NOT NULL,
    collection_id  uuid        NOT NULL,
    id             text        COLLATE "C" NOT NULL,
    document_id    text,
    content        text        NOT NULL,
    embedding      vector      NOT NULL,
    metadata       jsonb       NOT NULL DEFAULT '{}',
    content_search tsvector    GENERATED ALWAYS AS (to_tsvector('simple', content)) STORED,
    updated_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, collection_id, id),
    FOREIGN KEY (tenant_id, collection_id) REFERENCES vector_collections (tenant_id, id) ON DELETE CASCADE
) PARTITION BY LIST (collection_id);

CREATE INDEX vector_chunks_document ON vector_chunks (tenant_id, collection_id, document_id)
    WHERE document_id IS NOT NULL;
-- Metadata filters compile to jsonb containment (@>) for eq and in, which this index serves.
CREATE INDEX vector_chunks_metadata ON vector_chunks USING gin (metadata jsonb_path_ops);
CREATE INDEX vector_chunks_content_search ON vector_chunks USING gin (content_search);
