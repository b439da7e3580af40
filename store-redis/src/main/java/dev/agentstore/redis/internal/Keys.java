package dev.agentstore.redis.internal;

import java.util.UUID;

/**
 * Key names of one tenant. Every key starts with {@code agentstore:} and carries a hash tag (the part in braces)
 * made of the tenant, the kind of data and the entity, so the keys one script touches live in one cluster slot
 * while different entities spread over the cluster. Tenant ids contain no braces, bars or glob characters (core
 * checks), so no two tenants or kinds can produce the same key.
 */
final class Keys {
    private static final String GLOBAL = "*";

    private final String tenant;

    Keys(String tenant) {
        this.tenant = tenant;
    }

    /** A session's hash. */
    String session(String sessionId) {
        return tag(tenant, "session", sessionId);
    }

    /** A rate-limit key's sorted set of counted calls. */
    String rateLimit(String key) {
        return tag(tenant, "rate", key);
    }

    /** A presence scope's sorted set of members by expiry. */
    String presenceUntil(String scope) {
        return tag(tenant, "presence", scope) + ":until";
    }

    /** A presence scope's sorted set of members by last activity. */
    String presenceSeen(String scope) {
        return tag(tenant, "presence", scope) + ":seen";
    }

    /** A SCAN pattern matching every presence scope's by-expiry set of the tenant. */
    String presenceUntilPattern() {
        return "agentstore:{" + tenant + "|presence|*}:until";
    }

    /** The by-last-activity set beside a scope's by-expiry set {@code untilKey}. */
    static String presenceSeenBeside(String untilKey) {
        return untilKey.substring(0, untilKey.length() - ":until".length()) + ":seen";
    }

    /** A SCAN pattern matching every flag hash of the tenant (not the global ones). */
    String flagPattern() {
        return "agentstore:{" + tenant + "|flag|*}";
    }

    /** A flag's hash of tenant, channel and user values. */
    String flag(String flag) {
        return tag(tenant, "flag", flag);
    }

    /** A flag's global value, shared by every tenant. */
    static String globalFlag(String flag) {
        return tag(GLOBAL, "flag", flag);
    }

    /**
     * The prefix of every response-cache key of the tenant; its hash tag puts the tenant's whole response cache in
     * one slot, so one script can keep the entries, the expiry index and the per-model sets consistent.
     */
    String responseCache() {
        return "agentstore:{" + tenant + "|rc}";
    }

    /** The response cache's sorted set of entries by expiry. */
    String responseIndex() {
        return responseCache() + ":idx";
    }

    /** The response cache's set of a model's entry hashes. */
    String responseModel(String model) {
        return responseCache() + ":m:" + model;
    }

    /** A conversation's recent-context hash (epoch, entry state). */
    String context(UUID conversationId) {
        return tag(tenant, "ctx", conversationId.toString());
    }

    /** A conversation's recent-context list of messages. */
    String contextMessages(UUID conversationId) {
        return context(conversationId) + ":msgs";
    }

    /** A SCAN pattern matching every recent-context hash of the tenant. */
    String contextPattern() {
        return "agentstore:{" + tenant + "|ctx|*}";
    }

    private static String tag(String tenant, String kind, String id) {
        return "agentstore:{" + tenant + "|" + kind + "|" + id + "}";
    }
}
