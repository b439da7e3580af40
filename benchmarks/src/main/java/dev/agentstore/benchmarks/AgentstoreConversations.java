package dev.agentstore.benchmarks;

import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The workload through agentstore's public API. */
final class AgentstoreConversations implements ConversationWorkload {
    private final ConversationRepository chats;

    AgentstoreConversations(ConversationRepository chats) {
        this.chats = chats;
    }

    @Override
    public List<UUID> createConversations(int count) {
        List<UUID> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            var user = chats.upsertUser(NewUser.of("bench", UUID.randomUUID().toString()));
            ids.add(chats.createConversation(NewConversation.forUser(user.id())).id());
        }
        return ids;
    }

    @Override
    public void appendOne(UUID conversation, String content, int tokens) {
        chats.append(conversation, NewMessage.user(content, tokens));
    }

    @Override
    public void appendBatch(UUID conversation, List<String> contents, int tokensEach) {
        chats.appendAll(
                conversation,
                contents.stream().map(c -> NewMessage.user(c, tokensEach)).toList());
    }

    @Override
    public int readLast(UUID conversation, int count) {
        return chats.lastMessages(conversation, count).size();
    }

    @Override
    public int readWindow(UUID conversation, int budget) {
        return chats.contextWindow(conversation, budget).messages().size();
    }
}
