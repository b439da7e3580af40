-- API usage (seed 003's api_usage): one row per served call, by an API key and/or a user, range-partitioned by
-- UTC month of recorded_at exactly like the metrics (the application creates partitions ahead; retention drops
-- whole months; no DEFAULT partition). A call is identified by its request id and time, so a retried write is
-- skipped. Calls and limits of a user go with the user. API keys live in the security schema, which this schema
-- does not reference.

CREATE TABLE api_usage (
    tenant_id        text        NOT NULL,
    recorded_at      timestamptz NOT NULL,
    request_id       uuid        NOT NULL,
    api_key_id       uuid,
    user_id          uuid,
    endpoint         text        COLLATE "C" NOT NULL,
    method           text        NOT NULL,
    tokens           integer     NOT NULL CHECK (tokens >= 0),
    response_time_ms bigint      NOT NULL CHECK (response_time_ms >= 0),
    status_code      smallint    NOT NULL CHECK (status_code BETWEEN 100 AND 599),
    CHECK (api_key_id IS NOT NULL OR user_id IS NOT NULL),
    PRIMARY KEY (tenant_id, recorded_at, request_id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
) PARTITION BY RANGE (recorded_at);
CREATE INDEX api_usage_by_key ON api_usage (tenant_id, api_key_id, recorded_at) WHERE api_key_id IS NOT NULL;
CREATE INDEX api_usage_by_user ON api_usage (tenant_id, user_id, recorded_at) WHERE user_id IS NOT NULL;

-- A quota per API key or user (the seed's usage_limit). user_id repeats subject_id for user limits so that the
-- limit can go with its user through the foreign key.
CREATE TABLE api_usage_limits (
    tenant_id    text        NOT NULL,
    subject_kind text        NOT NULL CHECK (subject_kind IN ('API_KEY', 'USER')),
    subject_id   uuid        NOT NULL,
    user_id      uuid,
    period       text        NOT NULL CHECK (period IN ('DAY', 'MONTH')),
    max_requests bigint      CHECK (max_requests >= 0),
    max_tokens   bigint      CHECK (max_tokens >= 0),
    updated_at   timestamptz NOT NULL,
    CHECK (max_requests IS NOT NULL OR max_tokens IS NOT NULL),
    CHECK (CASE subject_kind WHEN 'USER' THEN user_id = subject_id ELSE user_id IS NULL END),
    PRIMARY KEY (tenant_id, subject_kind, subject_id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['api_usage', 'api_usage_limits'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format(
            'CREATE POLICY tenant_isolation ON %I'
            ' USING (tenant_id = current_setting(''agentstore.tenant_id'', true))'
            ' WITH CHECK (tenant_id = current_setting(''agentstore.tenant_id'', true))',
            t);
    END LOOP;
END
$$;
