package org.marketingworkbench.ui.shell;

import javafx.scene.Node;

/**
 * A step's screen as the shell hosts it. The screen is built on its first request and the same node is
 * returned ever after: visiting the step again, or switching language or theme, never rebuilds it (its
 * texts follow the language through bindings), so nothing the user sees or chose is lost.
 */
@FunctionalInterface
public interface StepView {
    Node view();
}
