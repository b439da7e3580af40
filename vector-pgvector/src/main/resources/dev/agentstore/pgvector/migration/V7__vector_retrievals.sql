-- Retrieval statistics (seed 002's training_source_stats): how often searches returned each chunk, and when last.
-- Core counts a search's matches in memory and adds them here in batches (one upsert per collection and interval),
-- so a search never waits on this table. Document totals are sums over the document's chunks. The rows go with
-- their collection; deleting a document deletes its rows.
CREATE TABLE vector_retrievals (
    tenant_id         text        NOT NULL,
    collection_id     uuid        NOT NULL,
    chunk_id          text        COLLATE "C" NOT NULL,
    document_id       text        COLLATE "C",
    retrievals        bigint      NOT NULL CHECK (retrievals > 0),
    last_retrieved_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, collection_id, chunk_id),
    FOREIGN KEY (tenant_id, collection_id) REFERENCES vector_collections (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX vector_retrievals_by_document ON vector_retrievals (tenant_id, collection_id, document_id)
    WHERE document_id IS NOT NULL;

SELECT apply_tenant_policy('vector_retrievals');
