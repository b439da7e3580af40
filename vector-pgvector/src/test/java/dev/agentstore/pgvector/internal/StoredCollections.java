package dev.agentstore.pgvector.internal;

import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.vector.CollectionSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Looks up a tenant's collection in the catalog as the administrator, for tests that inspect its partition. */
final class StoredCollections {
    private StoredCollections() {}

    /** The stored collection {@code name} of {@code tenant}, with {@code spec}. */
    static StoredCollection find(PostgresDatabase database, String tenant, String name, CollectionSpec spec)
            throws SQLException {
        try (Connection admin = database.adminConnection();
                PreparedStatement id = admin.prepareStatement(
                        "select id from agentstore.vector_collections where tenant_id = ? and name = ?")) {
            id.setString(1, tenant);
            id.setString(2, name);
            try (ResultSet row = id.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no collection " + name + " of " + tenant);
                }
                return new StoredCollection(row.getObject(1, UUID.class), spec);
            }
        }
    }
}
