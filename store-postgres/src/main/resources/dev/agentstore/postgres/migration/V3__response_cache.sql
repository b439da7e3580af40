-- Cached model responses by model and a hash of the parameters and prompt.

CREATE TABLE response_cache (
    tenant_id   text        NOT NULL,
    model       text        NOT NULL,
    prompt_hash char(64)    NOT NULL,
    response    text        NOT NULL,
    metadata    jsonb       NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    hit_count   bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, model, prompt_hash)
);
CREATE INDEX response_cache_expiry ON response_cache (tenant_id, expires_at);
