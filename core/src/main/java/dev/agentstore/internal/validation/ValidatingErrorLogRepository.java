package dev.agentstore.internal.validation;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.errorlog.ErrorEntry;
import dev.agentstore.errorlog.ErrorLogRepository;
import dev.agentstore.errorlog.ErrorQuery;
import dev.agentstore.errorlog.NewError;
import dev.agentstore.internal.Check;
import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;

/** Checks every argument before the backend sees it. */
public final class ValidatingErrorLogRepository implements ErrorLogRepository {
    private final ErrorLogRepository backend;

    public ValidatingErrorLogRepository(ErrorLogRepository backend) {
        this.backend = backend;
    }

    @Override
    public ErrorEntry log(NewError error) {
        return backend.log(Check.present("error", error));
    }

    @Override
    public Optional<ErrorEntry> find(UUID entryId) {
        return backend.find(Check.id("entryId", entryId));
    }

    @Override
    public Page<ErrorEntry> list(ErrorQuery query, PageRequest page) {
        return backend.list(Check.present("query", query), Check.present("page", page));
    }

    @Override
    public SortedMap<LocalDate, SortedMap<String, Long>> countsByDay(ErrorQuery query) {
        return backend.countsByDay(Check.present("query", query));
    }
}
