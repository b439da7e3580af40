package dev.agentstore.memory;

import dev.agentstore.state.FlagValue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Flag values of the global scope, shared by every tenant of one in-memory store. */
final class GlobalFlags {
    final Map<String, FlagValue> values = new ConcurrentHashMap<>();
}
