package dev.agentstore.internal.validation;

import dev.agentstore.Limits;
import dev.agentstore.internal.Check;
import dev.agentstore.state.Presence;
import java.time.Duration;
import java.util.List;

/** Checks every argument before the backend sees it. */
public final class ValidatingPresence implements Presence {
    private final Presence backend;

    public ValidatingPresence(Presence backend) {
        this.backend = backend;
    }

    @Override
    public void markActive(String scope, String member, Duration ttl) {
        backend.markActive(
                Check.name("scope", scope),
                Check.name("member", member),
                Durations.check("ttl", ttl, Duration.ofSeconds(1), Duration.ofDays(1)));
    }

    @Override
    public boolean leave(String scope, String member) {
        return backend.leave(Check.name("scope", scope), Check.name("member", member));
    }

    @Override
    public boolean isActive(String scope, String member) {
        return backend.isActive(Check.name("scope", scope), Check.name("member", member));
    }

    @Override
    public long count(String scope) {
        return backend.count(Check.name("scope", scope));
    }

    @Override
    public List<String> activeMembers(String scope, int limit) {
        return backend.activeMembers(Check.name("scope", scope), Check.range("limit", limit, 1, Limits.MAX_PAGE_SIZE));
    }
}
