-- The ingestion status of documents (seed 002's documents: processing, ready or failed with an error message), so
-- an app can ingest asynchronously and retry failures. A document's chunks are in vector_chunks under its
-- document_id; this row says where its ingestion stands. It goes with its collection.

CREATE TABLE vector_documents (
    tenant_id     text        NOT NULL,
    collection_id uuid        NOT NULL,
    document_id   text        COLLATE "C" NOT NULL,
    status        text        NOT NULL CHECK (status IN ('PROCESSING', 'READY', 'FAILED')),
    error_message text,
    attempts      integer     NOT NULL CHECK (attempts >= 0),
    updated_at    timestamptz NOT NULL,
    CHECK ((status = 'FAILED') = (error_message IS NOT NULL)),
    PRIMARY KEY (tenant_id, collection_id, document_id),
    FOREIGN KEY (tenant_id, collection_id) REFERENCES vector_collections (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX vector_documents_by_status ON vector_documents (tenant_id, collection_id, status, document_id);

ALTER TABLE vector_documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE vector_documents FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON vector_documents
    USING (tenant_id = current_setting('agentstore.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('agentstore.tenant_id', true));
