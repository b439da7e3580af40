-- One UTC day of activity per agent and per user (seed 003's user_chatbot_metrics, seed 002's analytics_usage,
-- seed 001's engagement), written by the activity rollup from the day's raw rows, so reading a range of days reads
-- only these rows. The agent row of conversations without an agent has the nil uuid as subject. user_id repeats
-- subject_id on user rows so that they go with their user (erasure); agent rows keep counts, no personal data.
CREATE TABLE daily_activity (
    tenant_id            text             NOT NULL,
    dimension            text             NOT NULL CHECK (dimension IN ('AGENT', 'USER')),
    subject_id           uuid             NOT NULL,
    day                  date             NOT NULL,
    user_id              uuid,
    active_conversations bigint           NOT NULL,
    new_conversations    bigint           NOT NULL,
    sessions             bigint           NOT NULL,
    messages             bigint           NOT NULL,
    user_messages        bigint           NOT NULL,
    assistant_messages   bigint           NOT NULL,
    message_tokens       bigint           NOT NULL,
    active_users         bigint           NOT NULL,
    llm_requests         bigint           NOT NULL,
    llm_tokens           bigint           NOT NULL,
    cost_by_currency     jsonb            NOT NULL DEFAULT '{}'::jsonb,
    ratings              bigint           NOT NULL,
    average_rating       double precision,
    computed_at          timestamptz      NOT NULL,
    CHECK (CASE dimension WHEN 'USER' THEN user_id = subject_id ELSE user_id IS NULL END),
    PRIMARY KEY (tenant_id, dimension, subject_id, day),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX daily_activity_by_day ON daily_activity (tenant_id, dimension, day);
CREATE INDEX daily_activity_by_user ON daily_activity (tenant_id, user_id) WHERE user_id IS NOT NULL;
SELECT apply_tenant_policy('daily_activity');

