-- The security tables, in a schema of their own (postgres.security-schema) so a DBA can grant, audit and back
-- them up apart from the conversational data. Nothing secret is stored in plaintext: passwords as Argon2id PHC
-- strings, TOTP secrets sealed with AES-256-GCM ("<key id>:<base64>", bound to tenant and credential), reset
-- tokens and API keys as SHA-256 hashes. Lookups by username and email use their lowercased forms.

CREATE TABLE credentials (
    tenant_id           text        NOT NULL,
    id                  uuid        NOT NULL,
    username            text        NOT NULL,
    username_lower      text        NOT NULL,
    email               text        NOT NULL,
    email_lower         text        NOT NULL,
    password_hash       text        NOT NULL,
    totp_enabled        boolean     NOT NULL DEFAULT false,
    totp_secret         text,
    pending_totp_secret text,
    last_totp_step      bigint      NOT NULL DEFAULT 0,
    failed_attempts     integer     NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until        timestamptz,
    password_changed_at timestamptz NOT NULL,
    last_login_at       timestamptz,
    created_at          timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT credentials_username_taken UNIQUE (tenant_id, username_lower),
    CONSTRAINT credentials_email_taken UNIQUE (tenant_id, email_lower)
);

CREATE TABLE password_history (
    tenant_id     text        NOT NULL,
    credential_id uuid        NOT NULL,
    position      bigint      GENERATED ALWAYS AS IDENTITY,
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, credential_id, position),
    FOREIGN KEY (tenant_id, credential_id) REFERENCES credentials (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE reset_tokens (
    tenant_id     text        NOT NULL,
    token_hash    char(64)    NOT NULL,
    credential_id uuid        NOT NULL,
    expires_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, token_hash),
    FOREIGN KEY (tenant_id, credential_id) REFERENCES credentials (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX reset_tokens_expiry ON reset_tokens (tenant_id, expires_at);

CREATE TABLE api_keys (
    tenant_id    text        NOT NULL,
    id           uuid        NOT NULL,
    owner_id     uuid        NOT NULL,
    name         text        NOT NULL,
    prefix       text        NOT NULL,
    key_hash     char(64)    NOT NULL,
    scopes       text[]      NOT NULL DEFAULT '{}',
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT api_keys_hash_unique UNIQUE (tenant_id, key_hash)
);
CREATE INDEX api_keys_by_owner ON api_keys (tenant_id, owner_id, id DESC);

CREATE TABLE login_attempts (
    tenant_id      text        NOT NULL,
    id             uuid        NOT NULL,
    username       text        NOT NULL,
    username_lower text        NOT NULL,
    credential_id  uuid,
    status         text        NOT NULL,
    ip_address     text,
    user_agent     text,
    attempted_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX login_attempts_by_username ON login_attempts (tenant_id, username_lower, attempted_at DESC);

CREATE TABLE security_events (
    tenant_id     text        NOT NULL,
    id            uuid        NOT NULL,
    type          text        NOT NULL,
    credential_id uuid,
    severity      text        NOT NULL,
    details       jsonb       NOT NULL DEFAULT '{}',
    occurred_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX security_events_by_time ON security_events (tenant_id, occurred_at DESC);
CREATE INDEX security_events_by_type ON security_events (tenant_id, type, occurred_at DESC);

-- The same tenant isolation as the main schema: FORCEd row-level security on the tenant set per transaction.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['credentials', 'password_history', 'reset_tokens', 'api_keys', 'login_attempts',
                             'security_events'] LOOP
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
