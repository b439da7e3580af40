package dev.agentstore.memory;

import dev.agentstore.NotFoundException;
import dev.agentstore.conversation.ConversationBranch;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.MessageEdit;
import dev.agentstore.conversation.MessageRevision;
import dev.agentstore.conversation.MessageRole;
import dev.agentstore.conversation.ToolCall;
import dev.agentstore.spi.BranchLineage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One conversation's messages in every branch, tombstones too, in sequence order, with the current branch's history
 * kept apart as the list every read serves. Not thread-safe: {@link MessageLog}'s caller holds a lock.
 */
final class MessageThread {
    private final UUID conversationId;
    private final List<Entry> entries = new ArrayList<>();
    private final List<Message> live = new ArrayList<>();
    private final List<ConversationBranch> branches = new ArrayList<>();
    private int current = ConversationBranch.MAIN;
    private long lastSequence;

    /** A stored message, the branch it was appended to, whether it is a tombstone, and the contents it had. */
    private static final class Entry {
        Message message;
        final int branch;
        boolean deleted;
        final List<MessageRevision> revisions = new ArrayList<>(0);

        Entry(Message message, int branch) {
            this.message = message;
            this.branch = branch;
        }
    }

    MessageThread(UUID conversationId, Instant createdAt) {
        this.conversationId = conversationId;
        branches.add(new ConversationBranch(ConversationBranch.MAIN, -1, null, 0, false, createdAt));
    }

    /** The current branch's messages without tombstones, oldest first. */
    List<Message> live() {
        return live;
    }

    /** The number of the current branch. */
    int current() {
        return current;
    }

    long lastSequence() {
        return lastSequence;
    }

    /** Every stored message, in every branch, tombstones too, in storing order. */
    List<Message> stored() {
        return entries.stream().map(entry -> entry.message).toList();
    }

    /** How many messages are stored, in every branch, tombstones too. */
    int storedCount() {
        return entries.size();
    }

    /** Adds messages numbered after the last sequence to the current branch. */
    void append(List<Message> messages) {
        for (Message m : messages) {
            entries.add(new Entry(m, current));
            live.add(m);
            lastSequence = Math.max(lastSequence, m.sequence());
        }
    }

    /** Whether any stored message has this id. */
    boolean holds(UUID messageId) {
        return entries.stream().anyMatch(e -> e.message.id().equals(messageId));
    }

    /** The stored message with this id, in any branch, tombstones too; null if there is none. */
    Message find(UUID messageId) {
        Entry entry = entry(messageId);
        return entry == null ? null : entry.message;
    }

    /** Removes the messages appended before {@code cutoff}, in every branch; returns them. */
    List<Message> removeOlderThan(Instant cutoff) {
        List<Message> removed = new ArrayList<>();
        entries.removeIf(e -> {
            boolean old = e.message.createdAt().isBefore(cutoff);
            if (old) {
                removed.add(e.message);
            }
            return old;
        });
        if (!removed.isEmpty()) {
            rebuildLive();
        }
        return removed;
    }

    Message edit(UUID messageId, MessageEdit edit, Instant now) {
        Entry entry = liveEntry(messageId);
        Message m = entry.message;
        entry.revisions.add(
                new MessageRevision(m.id(), m.revision(), m.content(), m.tokenCount(), edit.editedBy(), now));
        entry.message = new Message(
                m.id(),
                m.conversationId(),
                m.sequence(),
                m.role(),
                edit.content(),
                m.toolCalls(),
                m.toolCallId(),
                m.modelId(),
                m.requestId(),
                m.runId(),
                edit.tokenCount(),
                m.metadata(),
                m.createdAt(),
                m.revision() + 1,
                now);
        live.replaceAll(l -> l.id().equals(messageId) ? entry.message : l);
        return entry.message;
    }

    List<MessageRevision> revisions(UUID messageId) {
        Entry entry = entry(messageId);
        if (entry == null) {
            throw new NotFoundException("no message with id " + messageId + " in conversation " + conversationId);
        }
        return List.copyOf(entry.revisions);
    }

    /** Tombstones the message and the rest of its tool exchange; returns how many left the thread. */
    int delete(UUID messageId) {
        Message m = liveEntry(messageId).message;
        Set<UUID> unit = toolExchange(m).stream().map(Message::id).collect(Collectors.toSet());
        return tombstone(unit);
    }

    /** Tombstones every message of the current branch after {@code messageId}; returns how many. */
    int truncateAfter(UUID messageId) {
        long after = liveEntry(messageId).message.sequence();
        return tombstone(
                live.stream().filter(m -> m.sequence() > after).map(Message::id).collect(Collectors.toSet()));
    }

    /** Forks a branch off the current one after {@code parentMessageId} (before the first message if null). */
    ConversationBranch fork(UUID parentMessageId, Instant now) {
        long parentSequence =
                parentMessageId == null ? 0 : liveEntry(parentMessageId).message.sequence();
        int number = branches.getLast().number() + 1;
        branches.add(new ConversationBranch(number, current, parentMessageId, parentSequence, false, now));
        current = number;
        rebuildLive();
        return branch(number);
    }

    List<ConversationBranch> branches() {
        return branches.stream().map(b -> branch(b.number())).toList();
    }

    /** Makes {@code number} current; null if there is no such branch. */
    ConversationBranch switchTo(int number) {
        if (lineage(number) == null) {
            return null;
        }
        current = number;
        rebuildLive();
        return branch(number);
    }

    /** A branch's history without tombstones, oldest first; null if there is no such branch. */
    List<Message> history(int number) {
        if (number == current) {
            return live;
        }
        BranchLineage lineage = lineage(number);
        if (lineage == null) {
            return null;
        }
        return entries.stream()
                .filter(e -> !e.deleted && lineage.contains(e.branch, e.message.sequence()))
                .map(e -> e.message)
                .toList();
    }

    private ConversationBranch branch(int number) {
        ConversationBranch b = branches.get(number);
        return new ConversationBranch(
                b.number(),
                b.parentBranch(),
                b.parentMessageId(),
                b.parentSequence(),
                number == current,
                b.createdAt());
    }

    private BranchLineage lineage(int number) {
        return BranchLineage.of(branches, number).orElse(null);
    }

    private void rebuildLive() {
        BranchLineage lineage = lineage(current);
        live.clear();
        for (Entry e : entries) {
            if (!e.deleted && lineage.contains(e.branch, e.message.sequence())) {
                live.add(e.message);
            }
        }
    }

    /**
     * The message with the rest of its tool exchange: an assistant message's calls' results, or a result's call
     * with all that call's message's results.
     */
    private List<Message> toolExchange(Message m) {
        Message call = m;
        if (m.role() == MessageRole.TOOL && m.toolCallId() != null) {
            call = live.stream()
                    .filter(a -> a.role() == MessageRole.ASSISTANT && a.sequence() < m.sequence())
                    .filter(a -> a.toolCalls().stream().anyMatch(c -> c.id().equals(m.toolCallId())))
                    .reduce((first, second) -> second)
                    .orElse(m);
        }
        if (call.toolCalls().isEmpty()) {
            return List.of(m);
        }
        Set<String> ids = call.toolCalls().stream().map(ToolCall::id).collect(Collectors.toSet());
        List<Message> unit = new ArrayList<>(List.of(call));
        long after = call.sequence();
        live.stream()
                .filter(r -> r.role() == MessageRole.TOOL && r.sequence() > after && ids.contains(r.toolCallId()))
                .forEach(unit::add);
        return unit;
    }

    /** Erases the content of these live messages and takes them out of the thread. */
    private int tombstone(Set<UUID> ids) {
        for (Entry e : entries) {
            if (ids.contains(e.message.id())) {
                Message m = e.message;
                e.deleted = true;
                e.revisions.clear();
                e.message = new Message(
                        m.id(),
                        m.conversationId(),
                        m.sequence(),
                        m.role(),
                        "",
                        List.of(),
                        m.toolCallId(),
                        m.modelId(),
                        m.requestId(),
                        m.runId(),
                        m.tokenCount(),
                        Map.of(),
                        m.createdAt(),
                        m.revision(),
                        m.editedAt());
            }
        }
        live.removeIf(m -> ids.contains(m.id()));
        return ids.size();
    }

    private Entry entry(UUID messageId) {
        for (Entry e : entries) {
            if (e.message.id().equals(messageId)) {
                return e;
            }
        }
        return null;
    }

    /** The entry of a message in the current branch's history, not a tombstone. */
    private Entry liveEntry(UUID messageId) {
        Entry entry = entry(messageId);
        if (entry == null || entry.deleted || live.stream().noneMatch(m -> m.id().equals(messageId))) {
            throw noMessage(messageId);
        }
        return entry;
    }

    private NotFoundException noMessage(UUID messageId) {
        return new NotFoundException(
                "no message with id " + messageId + " in the current branch of conversation " + conversationId);
    }
}
