package org.marketingworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.sample.SampleDataGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sample-data --out DIR [--seed N]}: writes the synthetic customers and transactions files. */
@Command(name = "sample-data", mixinStandardHelpOptions = true,
        description = "Write the synthetic sample files customers.csv and transactions.csv.")
final class SampleDataCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into (created if needed).")
    Path out;

    @Option(names = "--seed", paramLabel = "N",
            description = "Random seed; the same seed gives identical files (default: ${DEFAULT-VALUE}).")
    long seed = SampleDataGenerator.DEFAULT_SEED;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        SampleDataGenerator.Result result = new SampleDataGenerator().generate(out, seed);
        long millis = (System.nanoTime() - start) / 1_000_000;
        PrintWriter w = spec.commandLine().getOut();
        Locale locale = Locale.getDefault();
        w.println(UserMessage.of("sample.cli.written", result.customersFile(), result.customerRows(),
                result.transactionsFile(), result.transactionRows(), millis, Long.toString(seed)).format(locale));
        w.println(UserMessage.of("sample.cli.rates", percent(result.responseRate()), percent(result.churnRate()))
                .format(locale));
        return WorkbenchCli.OK;
    }

    private static String percent(double rate) {
        long tenths = Math.round(rate * 1000);
        return (tenths / 10) + "." + (tenths % 10) + "%";
    }
}
