package dev.agentstore.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentstore.spi.Setting;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The Spring Boot starter's configuration metadata (what IDEs complete under {@code agentstore.}) names exactly the
 * settings the modules declare, with their defaults: a key added or renamed in a declaration must reach it too.
 */
class SpringMetadataTest {
    @Test
    void starter_metadata_lists_every_declared_setting_with_its_default() throws IOException {
        JsonNode metadata = new ObjectMapper()
                .readTree(Path.of(
                                "..",
                                "spring-boot-starter/src/main/resources/META-INF/"
                                        + "additional-spring-configuration-metadata.json")
                        .toFile());
        Map<String, String> documented = new TreeMap<>();
        for (JsonNode property : metadata.get("properties")) {
            JsonNode fallback = property.get("defaultValue");
            documented.put(property.get("name").asText(), fallback == null ? null : fallback.asText());
        }
        Map<String, String> declared = new TreeMap<>();
        for (Setting<?> setting : ConfigurationReferenceTest.agentstoreSettings()) {
            String name = setting.isFamily()
                    ? setting.name().substring(0, setting.name().lastIndexOf(".<"))
                    : setting.name();
            declared.put("agentstore." + name, setting.isFamily() ? null : setting.defaultValue());
        }
        assertThat(documented.keySet()).isEqualTo(declared.keySet());
        Map<String, String> documentedDefaults = new LinkedHashMap<>();
        Map<String, String> declaredDefaults = new LinkedHashMap<>();
        documented.forEach((name, value) -> {
            if (value != null) {
                documentedDefaults.put(name, value);
                declaredDefaults.put(name, declared.get(name));
            }
        });
        assertThat(documentedDefaults).isEqualTo(declaredDefaults);
    }
}
