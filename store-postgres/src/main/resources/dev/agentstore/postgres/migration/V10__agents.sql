-- Agent (bot) definitions (seeds 002 bots, 003 chatbots) and per-channel defaults (seed 001 channel_configs).
-- An agent's name is unique per owner; it changes with optimistic concurrency (version) and goes with its owner.
-- Names sort as bytes (COLLATE "C"), the order agent listings page in.

CREATE TABLE agents (
    tenant_id       text             NOT NULL,
    id              uuid             NOT NULL,
    owner_id        uuid             NOT NULL,
    name            text COLLATE "C" NOT NULL,
    description     text,
    model           text             NOT NULL,
    temperature     double precision CHECK (temperature BETWEEN 0 AND 2),
    system_prompt   text,
    welcome_message text,
    is_public       boolean          NOT NULL,
    is_active       boolean          NOT NULL,
    status          text             NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    configuration   jsonb            NOT NULL DEFAULT '{}',
    version         bigint           NOT NULL,
    created_at      timestamptz      NOT NULL,
    updated_at      timestamptz      NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT agents_name_taken UNIQUE (tenant_id, owner_id, name),
    FOREIGN KEY (tenant_id, owner_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX agents_public ON agents (tenant_id, name, id) WHERE is_public AND is_active AND status = 'PUBLISHED';

CREATE TABLE channel_configs (
    tenant_id     text        NOT NULL,
    channel       text        NOT NULL,
    default_model text,
    settings      jsonb       NOT NULL DEFAULT '{}',
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, channel)
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['agents', 'channel_configs'] LOOP
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
