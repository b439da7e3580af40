package dev.agentstore.testkit.contract;

import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.conversation.User;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** Helpers shared by the conversation suites: the repository under test and quick ways to make data. */
public abstract class ConversationContractBase extends StoreContract {
    /** The repository under test. */
    protected ConversationRepository repo() {
        return store.conversations();
    }

    /** A stored user. */
    protected User user(String externalId) {
        return repo().upsertUser(NewUser.of("web", externalId));
    }

    /** A conversation of a new user. */
    protected Conversation conversation() {
        return repo().createConversation(
                        NewConversation.forUser(user("u-" + UUID.randomUUID()).id()));
    }

    /** Appends user messages "m1".."mN" with 10 tokens each. */
    protected List<Message> appendNumbered(UUID conversationId, int n) {
        return repo().appendAll(
                        conversationId,
                        IntStream.rangeClosed(1, n)
                                .mapToObj(i -> NewMessage.user("m" + i, 10))
                                .toList());
    }
}
