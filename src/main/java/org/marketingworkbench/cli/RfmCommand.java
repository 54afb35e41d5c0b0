package org.marketingworkbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.io.AtomicFile;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.ingest.NormalisedCsvWriter;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.segment.rfm.CustomerRfm;
import org.marketingworkbench.core.segment.rfm.HandledRows;
import org.marketingworkbench.core.segment.rfm.RfmException;
import org.marketingworkbench.core.segment.rfm.RfmResult;
import org.marketingworkbench.core.segment.rfm.RfmSettings;
import org.marketingworkbench.core.segment.rfm.RfmStep;
import org.marketingworkbench.core.segment.rfm.SegmentSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rfm FILE --customer C --date D (--amount A | --quantity Q --price P)}: Recency, Frequency and Monetary
 * value per customer from a transaction log, with quintile scores and the eleven named segments. Prints what
 * was done with every row and the segments; {@code --out} writes one row per customer.
 */
@Command(name = "rfm", mixinStandardHelpOptions = true,
        description = "RFM from a transaction log: recency, frequency and monetary value per customer, scores 1-5 "
                + "(quintiles) and the named segments (Champions, Loyal, ..., Lost). Returns and cancellations "
                + "(negative amounts, invoices starting with C) reduce the monetary value; rows without a customer, "
                + "date or amount are left out and counted. Columns not given are guessed from their names.")
final class RfmCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The transaction log (read with detected settings).")
    Path file;

    @Option(names = "--customer", paramLabel = "C", description = "The customer column.")
    String customer;

    @Option(names = "--date", paramLabel = "D", description = "The date column.")
    String date;

    @Option(names = "--amount", paramLabel = "A", description = "The amount column (or give --quantity and --price).")
    String amount;

    @Option(names = "--quantity", paramLabel = "Q", description = "The quantity column; each line's amount is quantity × price.")
    String quantity;

    @Option(names = "--price", paramLabel = "P", description = "The unit-price column.")
    String price;

    @Option(names = "--invoice", paramLabel = "I", description = "The invoice column: frequency counts distinct "
            + "invoices (else purchase days) and invoices starting with C are cancellations.")
    String invoice;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Reference date, yyyy-MM-dd (default: the day after "
            + "the last purchase).")
    String asOf;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--out", paramLabel = "RFM.csv", description = "Write one row per customer: customer, recency_days, "
            + "frequency, monetary, r_score, f_score, m_score, rfm_segment (CSV).")
    Path out;

    @Mixin
    SpreadsheetCells spreadsheetCells;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (amount != null && (quantity != null || price != null)) {
            throw new RfmException(RfmException.Reason.INVALID_SETTINGS, UserMessage.of("rfm.cli.amountOrQuantity"));
        }
        LocalDate reference = null;
        if (asOf != null) {
            try {
                reference = LocalDate.parse(asOf.strip());
            } catch (DateTimeParseException e) {
                throw new RfmException(RfmException.Reason.INVALID_SETTINGS, UserMessage.of("rfm.cli.badAsOf", asOf));
            }
        }
        if (out != null && AtomicFile.destinationOf(out).equals(AtomicFile.destinationOf(file))) {
            throw new RfmException(RfmException.Reason.INVALID_SETTINGS, UserMessage.of("rfm.cli.sameFile"));
        }
        Dataset data = new DataImporter().read(file, ImportSettings.auto(), Progress.none()).dataset();
        RfmSettings suggested = RfmSettings.suggest(data);
        RfmSettings settings = suggested.withCustomer(customer != null ? customer : suggested.customer())
                .withDate(date != null ? date : suggested.date())
                .withInvoice(invoice != null ? invoice : suggested.invoice())
                .withAsOf(reference);
        if (amount != null) {
            settings = settings.withAmount(amount);
        } else if (quantity != null || price != null) {
            settings = settings.withQuantityTimesPrice(quantity != null ? quantity : suggested.quantity(),
                    price != null ? price : suggested.price());
        }
        RfmResult result = new RfmStep().run(data, settings, Progress.none());
        Locale locale = Locale.getDefault();
        if (out != null) {
            NormalisedCsvWriter.write(result.toDataset(locale), out, spreadsheetCells.cells());
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(toJson(result, locale)));
        } else {
            printText(w, result, locale);
        }
        return WorkbenchCli.OK;
    }

    private void printText(PrintWriter w, RfmResult r, Locale locale) {
        RfmSettings s = r.settings();
        w.println(UserMessage.of("rfm.cli.columns", s.customer(), s.date(), s.usesQuantityTimesPrice()
                ? s.quantity() + " × " + s.price() : s.amount(), s.invoice() == null ? "–" : s.invoice()).format(locale));
        w.println(UserMessage.of(r.asOfIsDefault() ? "rfm.cli.headerDefault" : "rfm.cli.header",
                r.customers().size(), r.asOf().toString()).format(locale));
        for (UserMessage line : r.rows().describe(r.asOf())) {
            w.println("  " + line.format(locale));
        }
        for (SegmentSummary seg : r.segments()) {
            w.println(UserMessage.of("rfm.cli.segment", UserMessage.of(seg.segment().labelKey()), seg.customers(),
                    seg.customerShare(), seg.revenueShare()).format(locale));
        }
        if (out != null) {
            w.println(UserMessage.of("rfm.cli.written", r.customers().size(), out.toString()).format(locale));
        }
    }

    private ObjectNode toJson(RfmResult r, Locale locale) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("file", file.toString());
        o.set("settings", r.settings().toJson());
        o.put("asOf", r.asOf().toString());
        o.put("asOfIsDefault", r.asOfIsDefault());
        o.put("customers", r.customers().size());
        o.put("revenue", r.totalRevenue());
        HandledRows h = r.rows();
        ObjectNode rows = o.putObject("rows");
        rows.put("rows", h.rows()).put("purchaseLines", h.purchaseLines()).put("returnLines", h.returnLines())
                .put("returnedAmount", h.returnedAmount()).put("withoutCustomer", h.withoutCustomer())
                .put("badDate", h.badDate()).put("badAmount", h.badAmount()).put("afterAsOf", h.afterAsOf())
                .put("customersWithoutPurchase", h.customersWithoutPurchase());
        ArrayNode described = rows.putArray("described");
        h.describe(r.asOf()).forEach(m -> described.add(m.format(locale)));
        ArrayNode segments = o.putArray("segments");
        for (SegmentSummary s : r.segments()) {
            segments.addObject().put("segment", s.segment().id())
                    .put("name", UserMessage.of(s.segment().labelKey()).format(locale))
                    .put("customers", s.customers()).put("customerShare", s.customerShare())
                    .put("revenue", s.revenue()).put("revenueShare", s.revenueShare());
        }
        ArrayNode customers = o.putArray("customerScores");
        for (CustomerRfm c : r.customers()) {
            customers.addObject().put("customer", c.customer()).put("lastPurchase", c.lastPurchase().toString())
                    .put("recencyDays", c.recencyDays()).put("frequency", c.frequency()).put("monetary", c.monetary())
                    .put("r", c.r()).put("f", c.f()).put("m", c.m()).put("segment", c.segment().id());
        }
        return o;
    }
}
