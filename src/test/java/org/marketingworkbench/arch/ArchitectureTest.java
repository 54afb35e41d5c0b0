package org.marketingworkbench.arch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final String BASE = "org.marketingworkbench";
    private static final String FIXTURES = "org.marketingworkbench.arch.fixture";

    private static JavaClasses production;
    private static JavaClasses fixtures;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
        fixtures = new ClassFileImporter().importPackages(FIXTURES);
    }

    @Test
    void coreUsesNoJavaFxUiOrApp() {
        ArchitectureRules.coreIsHeadless(BASE).check(production);
    }

    @Test
    void cliUsesNoJavaFxUiOrApp() {
        ArchitectureRules.cliIsHeadless(BASE).check(production);
    }

    @Test
    void viewModelsImportNoJavaFxScene() {
        ArchitectureRules.viewModelsHaveNoControls(BASE).check(production);
    }

    @Test
    void uiDoesNotDependOnApp() {
        ArchitectureRules.uiDoesNotReachIntoApp(BASE).check(production);
    }

    @Test
    void packagesHaveNoCycles() {
        ArchitectureRules.packagesAreFreeOfCycles(BASE).check(production);
    }

    @Test
    void theRulesCatchACoreClassUsingJavaFx() {
        assertThatThrownBy(() -> ArchitectureRules.coreIsHeadless(FIXTURES).check(fixtures))
                .isInstanceOf(AssertionError.class).hasMessageContaining("BadCoreStep");
    }

    @Test
    void theRulesCatchAViewModelHoldingAControl() {
        assertThatThrownBy(() -> ArchitectureRules.viewModelsHaveNoControls(FIXTURES).check(fixtures))
                .isInstanceOf(AssertionError.class).hasMessageContaining("BadViewModel");
    }

    @Test
    void theRulesCatchAControlInANestedOrAnonymousClassOfAViewModel() {
        assertThatThrownBy(() -> ArchitectureRules.viewModelsHaveNoControls(FIXTURES).check(fixtures))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("NestedControlViewModel$Row.label")
                .hasMessageContaining("NestedControlViewModel$1.run()");
    }

    @Test
    void theRulesCatchAControlInAUiHelperThatAViewModelReachesThroughAnother() {
        assertThatThrownBy(() -> ArchitectureRules.viewModelsHaveNoControls(FIXTURES).check(fixtures))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("format.SummaryBadge.of(")
                .hasMessageNotContaining("HelperUsingViewModel.")
                .hasMessageNotContaining("format.SummaryText.");
    }

    @Test
    void theViewModelRuleLeavesViewsThatNoViewModelUsesAlone() {
        assertThatThrownBy(() -> ArchitectureRules.viewModelsHaveNoControls(FIXTURES).check(fixtures))
                .isInstanceOf(AssertionError.class).hasMessageNotContaining("fixture.ui.ChartView");
    }

    @Test
    void theRulesCatchACycleBetweenTwoPackages() {
        assertThatThrownBy(() -> ArchitectureRules.packagesAreFreeOfCycles(FIXTURES).check(fixtures))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Slice cycle.customers")
                .hasMessageContaining("Slice cycle.orders");
    }
}
