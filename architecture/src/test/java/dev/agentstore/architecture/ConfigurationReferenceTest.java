package dev.agentstore.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.spi.Setting;
import dev.agentstore.spi.SettingCatalog;
import dev.agentstore.spi.StoreProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * README's configuration reference is the settings every module on the class path declares, rendered: a key added,
 * renamed or given a new default in code without the README following fails here. The expected table is written
 * to {@code target/configuration-reference.md} to paste into README.
 */
class ConfigurationReferenceTest {
    static final String HEADER = "| property | environment variable | type | default | what it does |";

    @Test
    void readme_lists_every_declared_setting_as_declared() throws IOException {
        String expected = render(agentstoreSettings());
        Path target = Path.of("target", "configuration-reference.md");
        Files.createDirectories(target.getParent());
        Files.writeString(target, expected, StandardCharsets.UTF_8);

        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf(HEADER);
        assertThat(start)
                .as("README has a configuration table starting %s", HEADER)
                .isNotNegative();
        int end = readme.indexOf("\n\n", start);
        String documented = readme.substring(start, end + 1);

        assertThat(documented)
                .as(
                        "README's configuration reference, against the declarations (expected table in %s)",
                        target.toAbsolutePath())
                .isEqualTo(expected);
    }

    @Test
    void every_module_declares_its_settings() {
        List<String> names =
                SettingCatalog.discover().settings().stream().map(Setting::name).toList();
        assertThat(names)
                .contains("postgres.url", "pgvector.bulk-load-rows", "redis.url", "timeout", "encryption.key.<id>");
    }

    /** The settings of core and agentstore's own providers (the example provider's are its own business). */
    static List<Setting<?>> agentstoreSettings() {
        List<StoreProvider> ours = ServiceLoader.load(StoreProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.getClass().getPackageName().startsWith("dev.agentstore."))
                .toList();
        return SettingCatalog.of(ours).settings();
    }

    static String render(List<Setting<?>> settings) {
        StringBuilder table = new StringBuilder(HEADER).append('\n');
        table.append("| --- | --- | --- | --- | --- |\n");
        for (Setting<?> setting : settings) {
            boolean literalDefault = setting.shownDefault().equals(setting.defaultValue());
            table.append("| `")
                    .append(setting.name())
                    .append("` | `")
                    .append(setting.environmentVariable())
                    .append("` | ")
                    .append(setting.type())
                    .append(" | ")
                    .append(literalDefault ? "`" + setting.shownDefault() + "`" : setting.shownDefault())
                    .append(" | ")
                    .append(setting.description())
                    .append(" |\n");
        }
        return table.toString();
    }
}
