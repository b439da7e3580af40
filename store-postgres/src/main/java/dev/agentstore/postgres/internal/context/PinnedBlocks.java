package dev.agentstore.postgres.internal.context;

import static dev.agentstore.postgres.internal.jooq.Tables.MEMORY_BLOCKS;

import dev.agentstore.block.BlockOwner;
import dev.agentstore.block.MemoryBlock;
import dev.agentstore.postgres.spi.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * The pinned blocks of a context header as one JSON array, so that the conversation, its summary and its blocks come
 * back in one row of one statement: each block a {@code jsonb_build_object} of its columns, read back here.
 */
final class PinnedBlocks {
    private PinnedBlocks() {}

    /** The JSON object of one {@code MEMORY_BLOCKS} row. */
    static Field<JSONB> object() {
        return DSL.field(
                "jsonb_build_object('id', {0}, 'kind', {1}, 'agent', {2}, 'user', {3}, 'label', {4}, 'value', {5},"
                        + " 'limit', {6}, 'description', {7}, 'pinned', {8}, 'version', {9}, 'created', {10},"
                        + " 'updated', {11}, 'by', {12})",
                JSONB.class,
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
    }

    /** The blocks of a JSON array made of {@link #object()}s, in its order; none for null. */
    static List<MemoryBlock> read(String json) {
        if (json == null) {
            return List.of();
        }
        return Json.listOfMaps(json).stream().map(PinnedBlocks::block).toList();
    }

    private static MemoryBlock block(Map<String, Object> b) {
        BlockOwner owner = switch (BlockOwner.Kind.valueOf((String) b.get("kind"))) {
            case AGENT -> BlockOwner.agent(uuid(b.get("agent")));
            case USER -> BlockOwner.user(uuid(b.get("user")));
            case SHARED -> BlockOwner.shared();
        };
        return new MemoryBlock(
                uuid(b.get("id")),
                owner,
                (String) b.get("label"),
                (String) b.get("value"),
                ((Number) b.get("limit")).intValue(),
                (String) b.get("description"),
                (Boolean) b.get("pinned"),
                ((Number) b.get("version")).longValue(),
                instant(b.get("created")),
                instant(b.get("updated")),
                uuid(b.get("by")));
    }

    private static UUID uuid(Object value) {
        return value == null ? null : UUID.fromString((String) value);
    }

    private static Instant instant(Object value) {
        return OffsetDateTime.parse((String) value).toInstant();
    }
}
