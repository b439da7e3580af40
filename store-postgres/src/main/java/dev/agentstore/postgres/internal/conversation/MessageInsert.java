package dev.agentstore.postgres.internal.conversation;

import static dev.agentstore.postgres.internal.jooq.Tables.CONVERSATIONS;
import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGES;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.CommonTableExpression;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.ResultQuery;
import org.jooq.TableLike;
import org.jooq.impl.DSL;

/**
 * The one statement shape that writes messages, for a single append (a pre-rendered template) and a batch alike:
 * a CTE reserves sequence numbers on the conversation row (an UPDATE ... RETURNING, which also refuses a deleted
 * conversation and may move the memory window), and an INSERT ... SELECT from the reservation (joined with the
 * batch's rows) writes {@link #COLUMNS}, returning each message's sequence.
 */
final class MessageInsert {
    /**
     * The columns an append writes: the tenant, {@link MessageReader#COLUMNS} in their order but those an edit sets
     * (a new message has its defaults), and the branch it is appended to.
     */
    static final List<Field<?>> COLUMNS = Stream.<Stream<Field<?>>>of(
                    Stream.of(MESSAGES.TENANT_ID),
                    MessageReader.COLUMNS.stream().filter(c -> c != MESSAGES.REVISION && c != MESSAGES.EDITED_AT),
                    Stream.of(MESSAGES.BRANCH))
            .flatMap(c -> c)
            .toList();

    private MessageInsert() {}

    /** The values of one message's row, in {@link #COLUMNS} order (sequence computed from the reservation). */
    record Values(
            Field<String> tenant,
            Field<UUID> id,
            Field<UUID> conversation,
            Field<Long> sequence,
            Field<String> role,
            Field<String> content,
            Field<JSONB> toolCalls,
            Field<String> toolCallId,
            Field<String> modelId,
            Field<String> requestId,
            Field<Integer> tokenCount,
            Field<JSONB> metadata,
            Field<Instant> createdAt,
            Field<UUID> runId,
            Field<Integer> branch) {}

    /** The field of the reservation's new last sequence. */
    static Field<Long> lastSequence(CommonTableExpression<Record2<Long, Integer>> reserved) {
        return reserved.field("last_sequence", Long.class);
    }

    /** The field of the reservation's branch: the conversation's current one. */
    static Field<Integer> branch(CommonTableExpression<Record2<Long, Integer>> reserved) {
        return reserved.field("current_branch", Integer.class);
    }

    /** The reservation of {@code reserve}'s sequences on the current branch, named for {@link #insert}. */
    static CommonTableExpression<Record2<Long, Integer>> reserved(org.jooq.UpdateConditionStep<?> reserve) {
        return DSL.name("reserved")
                .fields("last_sequence", "current_branch")
                .as(reserve.returningResult(CONVERSATIONS.LAST_SEQUENCE, CONVERSATIONS.CURRENT_BRANCH));
    }

    /** Inserts {@code values} for each row of {@code reserved} joined with {@code rows} (or alone, if null). */
    static ResultQuery<Record1<Long>> insert(
            CommonTableExpression<Record2<Long, Integer>> reserved, Values values, TableLike<?> rows) {
        var select = DSL.select(
                values.tenant(),
                values.id(),
                values.conversation(),
                values.sequence(),
                values.role(),
                values.content(),
                values.toolCalls(),
                values.toolCallId(),
                values.modelId(),
                values.requestId(),
                values.tokenCount(),
                values.metadata(),
                values.createdAt(),
                values.runId(),
                values.branch());
        return DSL.with(reserved)
                .insertInto(MESSAGES, COLUMNS)
                .select(
                        rows == null
                                ? select.from(reserved)
                                : select.from(reserved).crossJoin(rows))
                .returningResult(MESSAGES.SEQUENCE);
    }
}
