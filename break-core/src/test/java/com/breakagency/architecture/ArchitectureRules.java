package com.breakagency.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The direction of dependencies, as allow-lists. Each rule takes the root package, so the same rule that
 * guards {@code com.breakagency} can be shown to fail on a fixture package that breaks it on purpose.
 *
 * <ul>
 *   <li>the contract ({@code <root>.ports..}) depends only on the JDK, jakarta.validation and itself;</li>
 *   <li>the behaviour ({@code <root>.core..}) depends only on that, SLF4J, Hibernate Validator and itself;</li>
 *   <li>the behaviour touches no SQL, HTTP client, Sentry or Google type, even those the JDK ships;</li>
 *   <li>the public members of the one exported package ({@code <root>.core}) name only types a host can
 *       reach: the JDK's, the contract's and that package's own.</li>
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
     * The public fields, constructors and methods of the public types in {@code <root>.core}, the package
     * break-core exports, name only types of the JDK, of the contract and of that package: a builder option
     * that takes a type of a package the module does not export would be an option no host on the module
     * path could call. Parameter, return, field and thrown types count, type arguments included. The jar
     * check in release-check keeps the list of public types; this keeps their signatures inside it.
     *
     * @param root the root package, such as {@value #ROOT}
     * @return the rule
     */
    public static ArchRule theExportedPackageNamesOnlyReachableTypes(String root) {
        String exported = root + ".core";
        return members().that().arePublic()
                .and().areDeclaredInClassesThat().arePublic()
                .and().areDeclaredInClassesThat().resideInAPackage(exported)
                .should(nameOnlyTypesIn(exported, root + ".ports"))
                .because("a type of a package break-core does not export cannot be used by a host on the module path")
                .allowEmptyShould(false);
    }

    private static ArchCondition<JavaMember> nameOnlyTypesIn(String exported, String ports) {
        return new ArchCondition<>("name only types of java.., " + ports + ".. and " + exported) {
            @Override
            public void check(JavaMember member, ConditionEvents events) {
                Set<JavaClass> named = new LinkedHashSet<>();
                if (member instanceof JavaField field) {
                    named.addAll(field.getType().getAllInvolvedRawTypes());
                } else if (member instanceof JavaCodeUnit code) {
                    named.addAll(code.getReturnType().getAllInvolvedRawTypes());
                    code.getParameterTypes().forEach(type -> named.addAll(type.getAllInvolvedRawTypes()));
                    named.addAll(code.getThrowsClause().getTypes());
                }
                for (JavaClass type : named) {
                    JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
                    String pkg = base.getPackageName();
                    boolean reachable = base.isPrimitive() || pkg.startsWith("java.") || pkg.equals(exported)
                            || pkg.equals(ports) || pkg.startsWith(ports + ".");
                    if (!reachable) {
                        events.add(SimpleConditionEvent.violated(member, member.getFullName() + " names "
                                + base.getName() + ", which is not in an exported package"));
                    }
                }
            }
        };
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
                coreTouchesNoInfrastructure(root),
                theExportedPackageNamesOnlyReachableTypes(root));
    }
}
