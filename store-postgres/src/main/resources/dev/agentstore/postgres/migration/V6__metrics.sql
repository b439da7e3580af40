-- System samples and per-request LLM metrics, range-partitioned by UTC month of recorded_at, and daily rollups.
-- The application creates each month's partitions ahead (at least three months past now and past any incoming
-- row) as the schema owner, and retention drops whole partitions. There is deliberately no DEFAULT partition: a
-- row for a month without its partition fails, is answered by creating the partition, and is retried, whereas a
-- default partition would take such rows silently and then block creating that month's partition.

CREATE TABLE system_metrics (
    tenant_id          text             NOT NULL,
    recorded_at        timestamptz      NOT NULL,
    -- Orders samples of one instant (paging); from a sequence, so unique across partitions.
    serial             bigserial        NOT NULL,
    host               text             NOT NULL,
    cpu_percent        double precision NOT NULL CHECK (cpu_percent BETWEEN 0 AND 100),
    memory_percent     double precision NOT NULL CHECK (memory_percent BETWEEN 0 AND 100),
    gpu_percent        double precision CHECK (gpu_percent BETWEEN 0 AND 100),
    gpu_memory_percent double precision CHECK (gpu_memory_percent BETWEEN 0 AND 100),
    disk_percent       double precision CHECK (disk_percent BETWEEN 0 AND 100),
    PRIMARY KEY (tenant_id, recorded_at, serial)
) PARTITION BY RANGE (recorded_at);

-- A metric is identified by its request id and time: a unique key of a partitioned table must hold the partition
-- key, and a retried write carries both unchanged.
CREATE TABLE llm_metrics (
    tenant_id              text        NOT NULL,
    recorded_at            timestamptz NOT NULL,
    request_id             uuid        NOT NULL,
    model                  text        COLLATE "C" NOT NULL,
    session_id             uuid,
    conversation_id        uuid,
    prompt_tokens          integer     NOT NULL CHECK (prompt_tokens >= 0),
    completion_tokens      integer     NOT NULL CHECK (completion_tokens >= 0),
    latency_ms             bigint      NOT NULL CHECK (latency_ms >= 0),
    time_to_first_token_ms bigint      CHECK (time_to_first_token_ms BETWEEN 0 AND latency_ms),
    cache_hit              boolean     NOT NULL,
    success                boolean     NOT NULL,
    error_type             text,
    PRIMARY KEY (tenant_id, recorded_at, request_id)
) PARTITION BY RANGE (recorded_at);
CREATE INDEX llm_metrics_by_model ON llm_metrics (tenant_id, model, recorded_at);
CREATE INDEX llm_metrics_by_session ON llm_metrics (tenant_id, session_id, recorded_at) WHERE session_id IS NOT NULL;

CREATE TABLE daily_metrics_summary (
    tenant_id             text             NOT NULL,
    day                   date             NOT NULL,
    requests              bigint           NOT NULL,
    prompt_tokens         bigint           NOT NULL,
    completion_tokens     bigint           NOT NULL,
    avg_tokens_per_second double precision NOT NULL,
    p50_latency_ms        double precision NOT NULL,
    p95_latency_ms        double precision NOT NULL,
    p99_latency_ms        double precision NOT NULL,
    cache_hit_rate        double precision NOT NULL,
    error_rate            double precision NOT NULL,
    most_used_model       text,
    peak_cpu_percent      double precision,
    peak_memory_percent   double precision,
    peak_gpu_percent      double precision,
    cost                  numeric,
    computed_at           timestamptz      NOT NULL,
    PRIMARY KEY (tenant_id, day)
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['system_metrics', 'llm_metrics', 'daily_metrics_summary'] LOOP
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
