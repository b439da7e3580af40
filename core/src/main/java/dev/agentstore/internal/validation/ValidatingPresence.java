package dev.agentstore.internal.validation;

import dev.agentstore.Limits;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.OpenGuard;
import dev.agentstore.state.Presence;
import java.time.Duration;
import java.util.List;

/** Checks every argument before the backend sees it. */
public final class ValidatingPresence implements Presence {
    private final OpenGuard open;
    private final Presence backend;

    public ValidatingPresence(OpenGuard open, Presence backend) {
        this.open = open;
        this.backend = backend;
    }

    @Override
    public void markActive(String scope, String member, Duration ttl) {
        open.check();
        backend.markActive(
                Check.name("scope", scope),
                Check.name("member", member),
                Durations.check("ttl", ttl, Duration.ofSeconds(1), Duration.ofDays(1)));
    }

    @Override
    public boolean leave(String scope, String member) {
        open.check();
        return backend.leave(Check.name("scope", scope), Check.name("member", member));
    }

    @Override
    public int leaveEverywhere(String member) {
        open.check();
        return backend.leaveEverywhere(Check.name("member", member));
    }

    @Override
    public boolean isActive(String scope, String member) {
        open.check();
        return backend.isActive(Check.name("scope", scope), Check.name("member", member));
    }

    @Override
    public long count(String scope) {
        open.check();
        return backend.count(Check.name("scope", scope));
    }

    @Override
    public List<String> activeMembers(String scope, int limit) {
        open.check();
        return backend.activeMembers(Check.name("scope", scope), Check.range("limit", limit, 1, Limits.MAX_PAGE_SIZE));
    }
}
