-- Labelled metric series (seed 003's performance_metrics, seed 004's events): any named numeric series with a
-- small set of labels, range-partitioned by UTC month of recorded_at like the other metrics (the application
-- creates partitions ahead; retention drops whole months with system_metrics and llm_metrics). The primary key
-- leads with the series, so one index serves both a series' time range and keyset paging; labels are filtered
-- with @> and grouped by ->>, with no index of their own, which keeps ingest at COPY speed.
CREATE TABLE metric_series (
    tenant_id   text             NOT NULL,
    series      text             COLLATE "C" NOT NULL,
    recorded_at timestamptz      NOT NULL,
    -- Orders points of one instant (paging); from a sequence, so unique across partitions.
    serial      bigserial        NOT NULL,
    value       double precision NOT NULL,
    labels      jsonb            NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (tenant_id, series, recorded_at, serial)
) PARTITION BY RANGE (recorded_at);
SELECT apply_tenant_policy('metric_series');

-- Seed 000's further host readings (temperatures, power, fans, megabytes, throughput, uptimes) as one object of
-- reading key to number; the application checks each reading's range.
ALTER TABLE system_metrics ADD COLUMN readings jsonb NOT NULL DEFAULT '{}'::jsonb;

-- The sampling parameters of a model request; NULL where the request left the model's default. The application
-- checks their ranges: a CHECK added here would scan every stored metric under an exclusive lock.
ALTER TABLE llm_metrics
    ADD COLUMN temperature double precision,
    ADD COLUMN top_p       double precision,
    ADD COLUMN max_tokens  integer;
