package org.marketingworkbench.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

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

    /**
     * A view-model must stay testable without a toolkit, so the rule covers everything it brings along:
     * its nested, inner and anonymous classes, and every ui class it uses, directly or through other ui
     * classes. Only a helper that a view-model reaches is checked; views may use controls.
     */
    static ArchRule viewModelsHaveNoControls(String base) {
        return noClasses().that(areViewModelsOrUsedByOne(base + ".ui"))
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .as("view-models hold state and rules, never controls (nor do their nested classes or the ui "
                        + "classes they use)");
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

    private static DescribedPredicate<JavaClass> areViewModelsOrUsedByOne(String uiPackage) {
        return DescribedPredicate.describe(
                "are view-models, classes nested in one, or ui classes a view-model uses (directly or through others)",
                c -> inUi(c, uiPackage) && reachedFromAViewModel(c, uiPackage));
    }

    /** Walks the dependencies towards {@code target} backwards, through ui classes only, looking for a view-model. */
    private static boolean reachedFromAViewModel(JavaClass target, String uiPackage) {
        Set<JavaClass> seen = new HashSet<>();
        Deque<JavaClass> todo = new ArrayDeque<>();
        todo.add(target);
        seen.add(target);
        while (!todo.isEmpty()) {
            JavaClass c = todo.remove();
            if (isViewModelOrNestedInOne(c)) {
                return true;
            }
            for (Dependency d : c.getDirectDependenciesToSelf()) {
                JavaClass user = d.getOriginClass();
                if (inUi(user, uiPackage) && seen.add(user)) {
                    todo.add(user);
                }
            }
        }
        return false;
    }

    private static boolean isViewModelOrNestedInOne(JavaClass c) {
        JavaClass outermost = c;
        while (outermost.getEnclosingClass().isPresent()) {
            outermost = outermost.getEnclosingClass().get();
        }
        return outermost.getSimpleName().endsWith("ViewModel");
    }

    private static boolean inUi(JavaClass c, String uiPackage) {
        String p = c.getPackageName();
        return p.equals(uiPackage) || p.startsWith(uiPackage + ".");
    }
}
