package com.breakagency.micrometer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module sees the ports and Micrometer only: not break-core, not Spring. */
class ArchitectureTest {

    @Test
    void the_module_depends_only_on_the_jdk_the_ports_and_micrometer() {
        JavaClasses production = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("com.breakagency.micrometer");
        assertTrue(production.contain(MicrometerTelemetry.class));

        classes().that().resideInAPackage("com.breakagency.micrometer..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.breakagency.ports..", "com.breakagency.micrometer..", "io.micrometer..")
                .because("break-micrometer adapts the telemetry port and nothing else")
                .allowEmptyShould(false).check(production);
    }
}
