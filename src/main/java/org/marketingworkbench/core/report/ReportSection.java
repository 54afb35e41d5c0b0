package org.marketingworkbench.core.report;

import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Stage;

/**
 * One section of the report, written by one step (Orange's {@code send_report}): its id (the anchor and the id its
 * note is kept under), its title, and its content when the step has findings. {@link HtmlReport} writes the
 * heading, the note and, for a step without findings, the sentence saying why.
 */
interface ReportSection {

    /** The section's report item id: the step's id ({@code "segment"}), or {@code "provenance"}. */
    String id();

    /** The step the section reports, or null for a section that is always there (provenance). */
    Stage stage();

    UserMessage title();

    /** Writes the content; called only when the results have the step's findings (or the section has no step). */
    void write(ReportContext ctx);
}
