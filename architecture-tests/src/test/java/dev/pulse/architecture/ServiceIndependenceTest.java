package dev.pulse.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** No service's code uses another service's code, nor the local launcher, migrations or test support. */
class ServiceIndependenceTest {

    private static final JavaClasses PULSE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.pulse");

    static List<ServiceModule> services() {
        return ServiceModule.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void aServiceDoesNotUseAnotherService(ServiceModule service) {
        String[] others = ServiceModule.ALL.stream().filter(other -> !other.equals(service))
                .map(other -> other.basePackage() + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage(service.basePackage() + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .check(PULSE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void aServiceUsesNoLauncherMigrationsOrTestCode(ServiceModule service) {
        noClasses().that().resideInAPackage(service.basePackage() + "..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.pulse.local..", "dev.pulse.migrations..",
                        "dev.pulse.testsupport..")
                .check(PULSE);
    }
}
