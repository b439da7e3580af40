package dev.agentstore.postgres;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.SecretHygieneContract;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

class PostgresSecretHygieneIT extends SecretHygieneContract {
    /** Every stored secret column of the security schema, read as the administrator (who bypasses RLS). */
    private static final String STORED = """
            select password_hash from agentstore_security.credentials where tenant_id = ?
            union all select totp_secret from agentstore_security.credentials where tenant_id = ?
            union all select pending_totp_secret from agentstore_security.credentials where tenant_id = ?
            union all select password_hash from agentstore_security.password_history where tenant_id = ?
            union all select token_hash from agentstore_security.reset_tokens where tenant_id = ?
            union all select key_hash from agentstore_security.api_keys where tenant_id = ?""";

    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.open(PostgresTestDatabase.shared().storeConfig(), clock);
    }

    @Override
    protected List<String> storedSecrets(String tenant) {
        try (Connection admin = PostgresTestDatabase.shared().adminConnection();
                PreparedStatement select = admin.prepareStatement(STORED)) {
            for (int i = 1; i <= 6; i++) {
                select.setString(i, tenant);
            }
            List<String> stored = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(1) != null) {
                        stored.add(rows.getString(1));
                    }
                }
            }
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
