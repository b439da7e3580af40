package dev.agentstore.memory;

import dev.agentstore.run.AgentRun;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What an in-memory conversation repository asks of its tenant's agents and runs, as PostgreSQL's foreign keys do:
 * whether a conversation's agent exists, and which run an assistant message points at. Looked up lazily, so the
 * repositories can be created in any order.
 *
 * @param agentExists whether an agent of the tenant has this id
 * @param findRun the tenant's run with this id
 */
record ConversationLinks(Predicate<UUID> agentExists, Function<UUID, Optional<AgentRun>> findRun) {}
