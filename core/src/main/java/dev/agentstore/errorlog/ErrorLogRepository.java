package dev.agentstore.errorlog;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;

/**
 * The error log of one tenant. Thread-safe. Entries are kept in UTC months until the store's
 * {@link dev.agentstore.AgentStore#errorLogRetention() retention} drops them.
 */
public interface ErrorLogRepository {

    /** Logs an error at the store's current time. */
    ErrorEntry log(NewError error);

    /** One entry. */
    Optional<ErrorEntry> find(UUID entryId);

    /** Entries matching {@code query}, newest first, keyset-paged. */
    Page<ErrorEntry> list(ErrorQuery query, PageRequest page);

    /** How many entries match {@code query}, per UTC day and then per error type. */
    SortedMap<LocalDate, SortedMap<String, Long>> countsByDay(ErrorQuery query);
}
