package com.breakagency.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules hold on Break's own classes, and each of them fails on a fixture built to break it, so a
 * typo in a package name cannot make a rule pass by checking nothing.
 */
class ArchitectureRulesTest {

    private static final String FIXTURE_ROOT = "com.breakagency.archfixture";

    private static JavaClasses production;
    private static JavaClasses fixture;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages(ArchitectureRules.ROOT);
        fixture = new ClassFileImporter().importPackages(FIXTURE_ROOT);
    }

    private static long count(JavaClasses classes, String packagePrefix) {
        return classes.stream().map(JavaClass::getPackageName).filter(p -> p.startsWith(packagePrefix)).count();
    }

    @Test
    void the_production_import_holds_the_ports_and_core_classes_and_no_test_class() {
        assertTrue(count(production, "com.breakagency.ports") > 20,
                "ports classes imported: " + count(production, "com.breakagency.ports"));
        assertTrue(count(production, "com.breakagency.core") > 5,
                "core classes imported: " + count(production, "com.breakagency.core"));
        assertEquals(0, count(production, FIXTURE_ROOT), "test classes must not be imported");
        assertFalse(production.stream().anyMatch(c -> c.getSimpleName().endsWith("Test")));
    }

    @Test
    void ports_depend_only_on_the_jdk_and_validation_annotations() {
        ArchitectureRules.portsDependOnlyOnTheJdkAndValidationAnnotations(ArchitectureRules.ROOT).check(production);
    }

    @Test
    void core_depends_only_on_the_ports_and_its_two_libraries() {
        ArchitectureRules.coreDependsOnlyOnThePortsAndItsTwoLibraries(ArchitectureRules.ROOT).check(production);
    }

    @Test
    void core_touches_no_sql_http_sentry_or_google_type() {
        ArchitectureRules.coreTouchesNoInfrastructure(ArchitectureRules.ROOT).check(production);
    }

    @Test
    void the_exported_package_names_only_types_a_host_can_reach() {
        ArchitectureRules.theExportedPackageNamesOnlyReachableTypes(ArchitectureRules.ROOT).check(production);
    }

    @Test
    void the_surface_rule_fails_on_a_public_signature_that_names_a_type_of_a_package_not_exported() {
        String details = violations(ArchitectureRules.theExportedPackageNamesOnlyReachableTypes(FIXTURE_ROOT));

        assertTrue(details.contains("LeakyRoot.WIRING names com.breakagency.archfixture.core.internal.Wiring"), details);
        assertTrue(details.contains("LeakyRoot.wire(com.breakagency.archfixture.core.internal.Wiring) names"), details);
        assertFalse(details.contains("hidden()"), "package-private members are not API: " + details);
    }

    @Test
    void the_fixture_is_imported() {
        assertTrue(fixture.contain("com.breakagency.archfixture.ports.LeakyPort"));
        assertTrue(fixture.contain("com.breakagency.archfixture.core.LeakyCore"));
    }

    private static String violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(fixture);
        assertTrue(result.hasViolation(), () -> "expected a violation of: " + rule.getDescription());
        return String.join("\n", result.getFailureReport().getDetails());
    }

    @Test
    void the_ports_rule_fails_on_a_port_that_logs() {
        String details = violations(ArchitectureRules.portsDependOnlyOnTheJdkAndValidationAnnotations(FIXTURE_ROOT));

        assertTrue(details.contains("org.slf4j.Logger"), details);
        assertFalse(details.contains("LeakyCore"), "only ports classes are checked: " + details);
    }

    @Test
    void the_core_allow_list_fails_on_core_that_sees_an_adapter() {
        String details = violations(ArchitectureRules.coreDependsOnlyOnThePortsAndItsTwoLibraries(FIXTURE_ROOT));

        assertTrue(details.contains("com.breakagency.archfixture.adapter.jdbc.JdbcOrders"), details);
        assertFalse(details.contains("LeakyPort"), "only core classes are checked: " + details);
    }

    @Test
    void the_infrastructure_rule_fails_on_core_that_uses_sql_and_http() {
        String details = violations(ArchitectureRules.coreTouchesNoInfrastructure(FIXTURE_ROOT));

        assertTrue(details.contains("java.net.http.HttpClient"), details);
        assertTrue(details.contains("java.sql.Connection"), details);
    }

    @Test
    void every_rule_fails_when_its_root_is_misspelled() {
        JavaClasses nothing = new ClassFileImporter().importPackages("com.breakagency.nosuchpackage");
        List<ArchRule> rules = ArchitectureRules.all("com.breakagencyy");

        assertEquals(4, rules.size());
        for (ArchRule rule : rules) {
            AssertionError onProduction = assertThrows(AssertionError.class, () -> rule.check(production));
            assertTrue(onProduction.getMessage().contains("failed to check any classes"), onProduction::getMessage);
            assertThrows(AssertionError.class, () -> rule.check(nothing));
        }
    }
}
