package dev.agentstore.internal;

import dev.agentstore.Limits;
import dev.agentstore.conversation.ChatSession;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.spi.SecurityStore;
import dev.agentstore.state.FeatureFlags;
import dev.agentstore.state.Presence;
import dev.agentstore.state.SessionCache;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What erasing a user removes outside its conversations backend, before the user itself goes (so an erase that fails
 * half-way is finished by the next): its accounts in the security store, and the fast state filed under it: the
 * cached sessions of its most recent chat sessions, and presence and user flag values under its id. Not under its
 * external id, which is unique per channel only: another channel's user may go by the same one. Rate-limit counters,
 * keyed by the application's own strings, expire with their window.
 */
final class UserErasure implements Consumer<UUID> {
    private final Supplier<ConversationRepository> conversations;
    private final Supplier<SecurityStore> security;
    private final Supplier<SessionCache> sessions;
    private final Supplier<Presence> presence;
    private final Supplier<FeatureFlags> flags;

    UserErasure(
            Supplier<ConversationRepository> conversations,
            Supplier<SecurityStore> security,
            Supplier<SessionCache> sessions,
            Supplier<Presence> presence,
            Supplier<FeatureFlags> flags) {
        this.conversations = conversations;
        this.security = security;
        this.sessions = sessions;
        this.presence = presence;
        this.flags = flags;
    }

    @Override
    public void accept(UUID userId) {
        boolean exists = conversations.get().findUser(userId).isPresent();
        security.get().eraseAccountsOf(userId);
        if (exists) {
            for (ChatSession session : conversations.get().sessionsOf(userId, Limits.MAX_PAGE_SIZE)) {
                sessions.get().remove(session.id().toString());
            }
        }
        presence.get().leaveEverywhere(userId.toString());
        flags.get().clearUser(userId.toString());
    }
}
