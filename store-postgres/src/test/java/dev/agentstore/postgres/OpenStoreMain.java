package dev.agentstore.postgres;

import dev.agentstore.AgentStore;
import dev.agentstore.StoreConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** Run in a separate JVM by {@link PostgresMigrationIT}: opens (and so migrates) a store from key=value args. */
public final class OpenStoreMain {
    private OpenStoreMain() {}

    /** Opens and closes a store configured by {@code key=value} arguments. */
    public static void main(String[] args) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            properties.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        try (AgentStore store = AgentStore.open(StoreConfig.fromMap(properties))) {
            System.out.println("opened: " + store.health());
        }
    }
}
