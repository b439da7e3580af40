package dev.agentstore.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Modules meet only at public API and supported SPI packages: no class of one module uses a class in another
 * module's {@code internal} package. Core's internals are {@code dev.agentstore.internal}; every other module's are
 * {@code <its root>.internal}.
 */
class ModuleBoundariesTest {
    /** The root package of every module besides core, whose classes live everywhere else in dev.agentstore. */
    static final List<String> MODULE_ROOTS = List.of(
            "dev.agentstore.postgres",
            "dev.agentstore.pgvector",
            "dev.agentstore.redis",
            "dev.agentstore.langchain4j",
            "dev.agentstore.springai",
            "dev.agentstore.spring.boot",
            "dev.agentstore.testkit",
            "dev.agentstore.examples",
            "dev.agentstore.benchmarks");

    /** The example provider's package, written as a third party would: it may use no internal package at all. */
    static final String THIRD_PARTY = "com.example.agentstore";

    static JavaClasses shipped;

    @BeforeAll
    static void importModules() {
        shipped = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.agentstore", THIRD_PARTY);
    }

    @Test
    void everyModuleIsImported() {
        assertThat(shipped.containPackage("dev.agentstore.internal")).isTrue();
        assertThat(shipped.containPackage(THIRD_PARTY + ".presence")).isTrue();
        for (String root : MODULE_ROOTS) {
            assertThat(shipped.stream().anyMatch(c -> c.getPackageName().startsWith(root)))
                    .as("classes of %s on the test class path", root)
                    .isTrue();
        }
    }

    @Test
    void noModuleUsesAnotherModulesInternals() {
        for (ArchRule rule : rules()) {
            rule.check(shipped);
        }
    }

    @Test
    void theRulesCatchAForeignInternalImport() {
        JavaClasses offending = new ClassFileImporter()
                .importClasses(ForeignInternalUser.class, dev.agentstore.postgres.internal.PostgresBackend.class);
        assertThatThrownBy(() -> rules().forEach(rule -> rule.check(offending)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ForeignInternalUser")
                .hasMessageContaining("dev.agentstore.postgres.internal.PostgresBackend");
    }

    static List<ArchRule> rules() {
        List<ArchRule> rules = new ArrayList<>();
        rules.add(noClasses()
                .that()
                .resideInAnyPackage(
                        MODULE_ROOTS.stream().map(root -> root + "..").toArray(String[]::new))
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.agentstore.internal..")
                .allowEmptyShould(true)
                .as("no module outside core uses core's internal package"));
        rules.add(noClasses()
                .that()
                .resideInAPackage(THIRD_PARTY + "..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.agentstore..internal..")
                .allowEmptyShould(true)
                .as("a third-party provider uses only public API and supported SPI packages"));
        for (String root : MODULE_ROOTS) {
            rules.add(noClasses()
                    .that()
                    .resideOutsideOfPackage(root + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(root + ".internal..")
                    .allowEmptyShould(true)
                    .as("no module outside " + root + " uses " + root + ".internal"));
        }
        return rules;
    }

    /** A class that does what the rules forbid, to show they can fail. */
    static final class ForeignInternalUser {
        Object backend(dev.agentstore.postgres.internal.PostgresBackend backend) {
            return backend;
        }
    }
}
