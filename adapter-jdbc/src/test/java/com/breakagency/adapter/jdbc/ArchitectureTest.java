package com.breakagency.adapter.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import org.junit.jupiter.api.Test;

/**
 * The adapter depends on the ports, JDBC, SLF4J and Flyway, and on the parts of the JDK a relational store
 * needs: not on break-core, not on a driver, not on an HTTP client. The JDK is listed package by package
 * because {@code java..} as a whole would let {@code java.net.http} through; the rule is shown to fail on a
 * fixture that uses it.
 */
class ArchitectureTest {

    private static final String ADAPTER = "com.breakagency.adapter.jdbc";
    private static final String FIXTURE = ADAPTER + ".archfixture";

    /** What the adapter's classes may depend on. */
    private static final String[] ALLOWED = {"java.lang..", "java.util..", "java.sql..", "java.time..", "java.math..",
        "java.nio.charset..", "javax.sql..", "com.breakagency.ports..", ADAPTER + "..", "org.slf4j..", "org.flywaydb.."};

    /** The allow-list rule, for the selected classes. */
    static ArchRule onlyAllowedDependencies(GivenClassesConjunction selected) {
        return selected.should().onlyDependOnClassesThat().resideInAnyPackage(ALLOWED)
                .because("adapters depend on break-ports only, and hosts bring the driver")
                .allowEmptyShould(false);
    }

    @Test
    void the_adapter_depends_only_on_the_ports_jdbc_slf4j_and_flyway() {
        JavaClasses production = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages(ADAPTER);
        assertTrue(production.contain(JdbcPersistence.class), "the adapter's classes were imported");

        onlyAllowedDependencies(classes().that().resideInAPackage(ADAPTER + "..")
                .and().resideOutsideOfPackage(FIXTURE + "..")).check(production);
    }

    @Test
    void the_rule_fails_on_a_store_that_talks_http() {
        JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE);
        EvaluationResult result = onlyAllowedDependencies(classes().that().resideInAPackage(FIXTURE + ".."))
                .evaluate(fixture);

        assertTrue(result.hasViolation(), "the fixture breaks the rule");
        String details = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(details.contains("java.net.http.HttpClient"), details);
    }
}
