package dev.agentstore.postgres.internal.conversation;

import static dev.agentstore.postgres.internal.jooq.Tables.CONVERSATIONS;
import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGES;
import static dev.agentstore.postgres.internal.jooq.Tables.USERS;

import dev.agentstore.conversation.HistoryImport;
import dev.agentstore.conversation.ImportReport;
import dev.agentstore.postgres.internal.IngestTransaction;
import dev.agentstore.postgres.spi.PostgresDsl;
import dev.agentstore.postgres.spi.PostgresErrors;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * History imports COPYed straight into {@code users}, {@code conversations} and {@code messages} through the
 * optional ingest role ({@code postgres.ingest-user}), in one transaction: a role that bypasses row-level security
 * (PostgreSQL refuses COPY FROM into a table under it) and may do nothing but INSERT into these and the metrics
 * tables. Every row's tenant column is written from the tenant view the import came through, and the foreign keys
 * hold a conversation to a user and a message to a conversation of that same tenant. A batch that any constraint
 * refuses (a row stored before, as in a re-import, or an unknown user) writes nothing here and is answered empty,
 * so the caller imports it under row-level security, which skips what is stored and names what is wrong.
 */
public final class HistoryIngest {
    private static final String INTEGRITY_VIOLATION = "23";

    private final DataSource pool;
    private final String users;
    private final String conversations;
    private final String messages;

    /** COPY through {@code pool} (the ingest role's) into the conversation tables of {@code schema}. */
    public HistoryIngest(DataSource pool, String schema) {
        this.pool = pool;
        DSLContext dsl = PostgresDsl.create(pool, schema);
        this.users = dsl.render(USERS);
        this.conversations = dsl.render(CONVERSATIONS);
        this.messages = dsl.render(MESSAGES);
    }

    /** COPYs the whole batch into {@code tenant}'s rows, or nothing and answers empty when a constraint refuses it. */
    Optional<ImportReport> copy(String tenant, HistoryImport batch) {
        try {
            IngestTransaction.run(
                    pool, connection -> HistoryTuples.copy(connection, users, conversations, messages, tenant, batch));
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith(INTEGRITY_VIOLATION)) {
                return Optional.empty();
            }
            throw PostgresErrors.translate(new DataAccessException("history import failed", e));
        }
        return Optional.of(
                new ImportReport(batch.users().size(), batch.conversations().size(), batch.messageCount()));
    }
}
