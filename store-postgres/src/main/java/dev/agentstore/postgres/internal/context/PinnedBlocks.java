package dev.agentstore.postgres.internal.context;

import static dev.agentstore.postgres.internal.jooq.Tables.MEMORY_BLOCKS;

import dev.agentstore.block.BlockOwner;
import dev.agentstore.block.MemoryBlock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.Field;

/**
 * The pinned blocks of a context header, one a row beside the conversation's columns: the columns they are read from,
 * and the reader that builds a block from them straight from JDBC, by position.
 */
final class PinnedBlocks {
    /** A block's columns, in the order the header selects them. */
    static final List<Field<?>> COLUMNS = List.of(
            MEMORY_BLOCKS.ID,
            MEMORY_BLOCKS.OWNER_KIND,
            MEMORY_BLOCKS.AGENT_ID,
            MEMORY_BLOCKS.USER_ID,
            MEMORY_BLOCKS.LABEL,
            MEMORY_BLOCKS.VALUE,
            MEMORY_BLOCKS.CHAR_LIMIT,
            MEMORY_BLOCKS.DESCRIPTION,
            MEMORY_BLOCKS.PINNED,
            MEMORY_BLOCKS.VERSION,
            MEMORY_BLOCKS.CREATED_AT,
            MEMORY_BLOCKS.UPDATED_AT,
            MEMORY_BLOCKS.UPDATED_BY);

    private PinnedBlocks() {}

    /** The block whose {@link #COLUMNS} start at column {@code first}, or null when the row holds none. */
    static MemoryBlock read(ResultSet row, int first) throws SQLException {
        UUID id = row.getObject(first, UUID.class);
        if (id == null) {
            return null;
        }
        BlockOwner owner = switch (BlockOwner.Kind.valueOf(row.getString(first + 1))) {
            case AGENT -> BlockOwner.agent(row.getObject(first + 2, UUID.class));
            case USER -> BlockOwner.user(row.getObject(first + 3, UUID.class));
            case SHARED -> BlockOwner.shared();
        };
        return new MemoryBlock(
                id,
                owner,
                row.getString(first + 4),
                row.getString(first + 5),
                row.getInt(first + 6),
                row.getString(first + 7),
                row.getBoolean(first + 8),
                row.getLong(first + 9),
                instant(row, first + 10),
                instant(row, first + 11),
                row.getObject(first + 12, UUID.class));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
