package dev.agentstore.spring.boot;

import dev.agentstore.testkit.fixture.MigratedPostgres;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class PostgresAutoConfigurationIT extends AutoConfigurationContract {
    @Override
    protected Map<String, String> backendProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        MigratedPostgres.shared()
                .storeConfig()
                .properties()
                .forEach((key, value) -> properties.put("agentstore." + key, value));
        return properties;
    }

    @Override
    protected List<String> healthComponents() {
        return List.of("memory", "postgres", "pgvector");
    }
}
