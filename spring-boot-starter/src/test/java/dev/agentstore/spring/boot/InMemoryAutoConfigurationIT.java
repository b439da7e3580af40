package dev.agentstore.spring.boot;

import java.util.List;
import java.util.Map;

class InMemoryAutoConfigurationIT extends AutoConfigurationContract {
    @Override
    protected Map<String, String> backendProperties() {
        return Map.of();
    }

    @Override
    protected List<String> healthComponents() {
        return List.of("memory");
    }
}
