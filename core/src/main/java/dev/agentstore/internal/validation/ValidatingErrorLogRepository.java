package dev.agentstore.internal.validation;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.errorlog.ErrorEntry;
import dev.agentstore.errorlog.ErrorLogRepository;
import dev.agentstore.errorlog.ErrorQuery;
import dev.agentstore.errorlog.NewError;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.OpenGuard;
import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;

/** Checks every argument before the backend sees it. */
public final class ValidatingErrorLogRepository implements ErrorLogRepository {
    private final OpenGuard open;
    private final ErrorLogRepository backend;

    public ValidatingErrorLogRepository(OpenGuard open, ErrorLogRepository backend) {
        this.open = open;
        this.backend = backend;
    }

    @Override
    public ErrorEntry log(NewError error) {
        open.check();
        return backend.log(Check.present("error", error));
    }

    @Override
    public Optional<ErrorEntry> find(UUID entryId) {
        open.check();
        return backend.find(Check.id("entryId", entryId));
    }

    @Override
    public Page<ErrorEntry> list(ErrorQuery query, PageRequest page) {
        open.check();
        return backend.list(Check.present("query", query), Check.present("page", page));
    }

    @Override
    public SortedMap<LocalDate, SortedMap<String, Long>> countsByDay(ErrorQuery query) {
        open.check();
        return backend.countsByDay(Check.present("query", query));
    }
}
