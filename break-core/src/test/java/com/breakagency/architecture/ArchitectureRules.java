package com.breakagency.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The direction of dependencies, as allow-lists. Each rule takes the root package, so the same rule that
 * guards {@code com.breakagency} can be shown to fail on a fixture package that breaks it on purpose.
 *
 * <ul>
 *   <li>the contract ({@code <root>.ports..}) depends only on the JDK, jakarta.validation and itself;</li>
 *   <li>the behaviour ({@code <root>.core..}) depends only on that, SLF4J, Hibernate Validator and itself;</li>
 *   <li>the behaviour touches no SQL, HTTP client, Sentry or Google type, even those the JDK ships.</li>
 * </ul>
 * Rules fail when they select no class at all, so a misspelled root cannot pass by checking nothing.
 */
public final class ArchitectureRules {

    /** The root package of Break. */
    public static final String ROOT = "com.breakagency";

    private ArchitectureRules() {
    }

    /**
     * Classes of the contract depend only on the JDK, jakarta.validation and the contract itself.
     *
     * @param root the root package, such as {@value #ROOT}
     * @return the rule
     */
    public static ArchRule portsDependOnlyOnTheJdkAndValidationAnnotations(String root) {
        return classes().that().resideInAPackage(root + ".ports..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "jakarta.validation..", root + ".ports..")
                .because("break-ports is the contract every adapter compiles against")
                .allowEmptyShould(false);
    }

    /**
     * Classes of the behaviour depend only on the contract, the JDK (its cryptography included, for the
     * default secret cipher), jakarta.validation, SLF4J, Hibernate Validator and the behaviour itself.
     *
     * @param root the root package, such as {@value #ROOT}
     * @return the rule
     */
    public static ArchRule coreDependsOnlyOnThePortsAndItsTwoLibraries(String root) {
        return classes().that().resideInAPackage(root + ".core..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax.crypto..", "jakarta.validation..", root + ".ports..",
                        "org.slf4j..", "org.hibernate.validator..", root + ".core..")
                .because("core never sees an adapter; what it needs from outside comes through a port")
                .allowEmptyShould(false);
    }

    /**
     * Classes of the behaviour touch no SQL, HTTP client, Sentry or Google type. The allow-list lets the
     * whole JDK through; this names the parts of it that belong in adapters.
     *
     * @param root the root package, such as {@value #ROOT}
     * @return the rule
     */
    public static ArchRule coreTouchesNoInfrastructure(String root) {
        return noClasses().that().resideInAPackage(root + ".core..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "java.net.http..", "io.sentry..", "com.google..")
                .because("SQL, HTTP, Sentry and Google live in adapters")
                .allowEmptyShould(false);
    }

    /**
     * Every rule, for one root package.
     *
     * @param root the root package
     * @return the rules
     */
    public static List<ArchRule> all(String root) {
        return List.of(portsDependOnlyOnTheJdkAndValidationAnnotations(root),
                coreDependsOnlyOnThePortsAndItsTwoLibraries(root),
                coreTouchesNoInfrastructure(root));
    }
}
