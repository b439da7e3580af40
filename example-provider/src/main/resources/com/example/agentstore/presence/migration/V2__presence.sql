-- Who is present where, per tenant: one row per member of a scope, live until expires_at. V1 is the tenant-policy
-- function (TenantPolicyMigration), so this table gets agentstore's row-level security from the one place that
-- writes it.
CREATE TABLE example_presence (
    tenant_id  text        NOT NULL,
    scope      text        NOT NULL,
    member     text        NOT NULL,
    seen_at    timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, scope, member)
);

CREATE INDEX example_presence_recent ON example_presence (tenant_id, scope, seen_at DESC, member);

SELECT apply_tenant_policy('example_presence');
