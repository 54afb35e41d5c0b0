package org.marketingworkbench.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The layer rules of DESIGN.md, for any base package: the real code is checked against them, and so
 * are deliberately bad fixtures, to prove that a violation fails.
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    static ArchRule coreIsHeadless(String base) {
        return noClasses().that().resideInAPackage(base + ".core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", base + ".ui..", base + ".app..",
                        base + ".cli..")
                .as("core uses no JavaFX and knows nothing of ui, app or cli");
    }

    static ArchRule cliIsHeadless(String base) {
        return noClasses().that().resideInAPackage(base + ".cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", base + ".ui..", base + ".app..")
                .as("cli runs the core without JavaFX");
    }

    static ArchRule viewModelsHaveNoControls(String base) {
        return noClasses().that().resideInAPackage(base + ".ui..").and().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .as("view-models hold state and rules, never controls");
    }

    static ArchRule uiDoesNotReachIntoApp(String base) {
        return noClasses().that().resideInAPackage(base + ".ui..")
                .should().dependOnClassesThat().resideInAPackage(base + ".app..")
                .as("ui is composed by app, never the reverse");
    }

    /** Every package below {@code base} is a slice of its own, so a subpackage cannot hide a cycle. */
    static ArchRule packagesAreFreeOfCycles(String base) {
        return slices().matching(base + ".(**)")
                .should().beFreeOfCycles()
                .as("no package depends, directly or through others, on a package that depends on it");
    }
}
