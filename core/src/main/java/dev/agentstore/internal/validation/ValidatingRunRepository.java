package dev.agentstore.internal.validation;

import dev.agentstore.Limits;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.FilterShape;
import dev.agentstore.internal.Metadata;
import dev.agentstore.internal.OpenGuard;
import dev.agentstore.run.AgentRun;
import dev.agentstore.run.NewRun;
import dev.agentstore.run.RunQuery;
import dev.agentstore.run.RunRepository;
import dev.agentstore.run.RunUsage;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Checks every argument before the backend sees it. */
public final class ValidatingRunRepository implements RunRepository {
    private final OpenGuard open;
    private final RunRepository backend;

    public ValidatingRunRepository(OpenGuard open, RunRepository backend) {
        this.open = open;
        this.backend = backend;
    }

    @Override
    public AgentRun create(NewRun run) {
        open.check();
        return backend.create(Check.present("run", run));
    }

    @Override
    public Optional<AgentRun> find(UUID runId) {
        open.check();
        return backend.find(Check.id("runId", runId));
    }

    @Override
    public AgentRun start(UUID runId) {
        open.check();
        return backend.start(Check.id("runId", runId));
    }

    @Override
    public AgentRun complete(UUID runId, Map<String, ?> output, RunUsage usage) {
        open.check();
        Check.id("runId", runId);
        Map<String, Object> copy = Metadata.copyOf("output", Check.present("output", output));
        return backend.complete(runId, copy, Check.present("usage", usage));
    }

    @Override
    public AgentRun fail(UUID runId, String errorMessage, RunUsage usage) {
        open.check();
        Check.id("runId", runId);
        Check.text("errorMessage", Check.name("errorMessage", errorMessage), Limits.MAX_METADATA_STRING_CHARS);
        return backend.fail(runId, errorMessage, Check.present("usage", usage));
    }

    @Override
    public AgentRun cancel(UUID runId) {
        open.check();
        return backend.cancel(Check.id("runId", runId));
    }

    @Override
    public Page<AgentRun> list(RunQuery query, PageRequest page) {
        open.check();
        Check.present("query", query);
        FilterShape.check("query.metadata", query.metadata());
        return backend.list(query, Check.present("page", page));
    }
}
