-- An account may belong to a chat user (seed 000's credentials.user_id), so that erasing the user erases the account
-- with everything that names it. No foreign key: users live in the main schema, which migrates apart (and may be
-- served by another backend). The indexes serve the erase: accounts by user, attempts and events by account.
ALTER TABLE credentials ADD COLUMN user_id uuid;
CREATE INDEX credentials_by_user ON credentials (tenant_id, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX login_attempts_by_credential ON login_attempts (tenant_id, credential_id) WHERE credential_id IS NOT NULL;
CREATE INDEX security_events_by_credential ON security_events (tenant_id, credential_id)
    WHERE credential_id IS NOT NULL;
