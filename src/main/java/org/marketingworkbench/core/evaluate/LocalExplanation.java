package org.marketingworkbench.core.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.train.TrainedModel;
import org.marketingworkbench.core.train.Task;
import weka.classifiers.Classifier;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Why the model gave one customer its score: a LIME-style local linear fit, named on screen by
 * {@link #METHOD_KEY}. Around the customer, {@code samples} variants are scored; in each, every feature keeps
 * the customer's own value with chance ½ or takes the value of one randomly drawn background customer. A linear
 * model of the score on "kept the customer's value" (0/1 per feature), weighted by closeness (LIME's exponential
 * kernel on the number of features replaced, width 0.75·√features), gives each feature a weight: how much this
 * customer's own value moves the score compared with a typical customer's. Positive pushes the score up.
 * Model-agnostic: only the model's scores are used.
 *
 * @param score        the customer's score: P(positive), the predicted number, or the top class probability
 * @param typicalScore the fit's score with every feature replaced (the intercept)
 * @param contributions the features, largest effect first
 * @param fitR2        how well the local linear fit follows the model near this customer (weighted R²)
 */
public record LocalExplanation(UserMessage method, double score, double typicalScore, List<Contribution> contributions,
                               double fitR2) {

    /** The message that names the method on screen. */
    public static final String METHOD_KEY = "evaluate.explain.method.lime";
    public static final int DEFAULT_SAMPLES = 1000;
    private static final double RIDGE = 1e-3;

    /** One feature: the customer's value and how much it pushed the score (positive: up). */
    public record Contribution(String feature, String value, double weight) {
    }

    public LocalExplanation {
        contributions = List.copyOf(contributions);
    }

    /** Explains a customer given as text per column (as in the what-if form), against background customers. */
    public static LocalExplanation of(TrainedModel model, Dataset background, Map<String, String> customer,
                                      int samples, long seed) throws EvaluateException {
        Instances bg = ModelInput.instances(model, background);
        Instances one = ModelInput.instances(model, ModelInput.row(model, customer));
        return explain(model.classifier(), bg, one.instance(0), ModelInput.positiveIndex(model),
                model.target().task() == Task.NUMBER, samples, seed);
    }

    /** Explains row {@code row} of {@code background} (imported rows, before cleaning). */
    public static LocalExplanation of(TrainedModel model, Dataset background, int row, int samples, long seed)
            throws EvaluateException {
        Instances bg = ModelInput.instances(model, background);
        if (row < 0 || row >= bg.numInstances()) {
            throw new EvaluateException(EvaluateException.Reason.INVALID_SETTING,
                    UserMessage.of("evaluate.error.row", row + 1, bg.numInstances()));
        }
        return explain(model.classifier(), bg, bg.instance(row), ModelInput.positiveIndex(model),
                model.target().task() == Task.NUMBER, samples, seed);
    }

    /**
     * @param background customers to draw typical values from (same attributes as {@code customer})
     * @throws EvaluateException INVALID_SETTING for fewer samples than features + 2 or no background,
     *         MODEL_FAILED when the model fails
     */
    public static LocalExplanation explain(Classifier classifier, Instances background, Instance customer,
                                           int positiveIndex, boolean number, int samples, long seed)
            throws EvaluateException {
        List<Integer> features = new ArrayList<>();
        for (int a = 0; a < background.numAttributes(); a++) {
            if (a != background.classIndex()) {
                features.add(a);
            }
        }
        int d = features.size();
        if (background.numInstances() == 0 || samples < d + 2) {
            throw new EvaluateException(EvaluateException.Reason.INVALID_SETTING,
                    UserMessage.of("evaluate.error.samples", samples, d + 2, background.numInstances()));
        }
        Random rnd = new Random(seed);
        double width2 = 0.75 * 0.75 * d;
        double[][] z = new double[samples][d + 1];
        double[] y = new double[samples];
        double[] w = new double[samples];
        double score;
        try {
            score = ModelInput.score(classifier.distributionForInstance(customer), positiveIndex, number);
            for (int s = 0; s < samples; s++) {
                Instance other = background.instance(rnd.nextInt(background.numInstances()));
                double[] values = customer.toDoubleArray();
                int replaced = 0;
                z[s][0] = 1;
                for (int j = 0; j < d; j++) {
                    // the first sample is the customer itself
                    boolean keep = s == 0 || rnd.nextBoolean();
                    z[s][j + 1] = keep ? 1 : 0;
                    if (!keep) {
                        values[features.get(j)] = other.value(features.get(j));
                        replaced++;
                    }
                }
                Instance x = new DenseInstance(1.0, values);
                x.setDataset(background);
                y[s] = ModelInput.score(classifier.distributionForInstance(x), positiveIndex, number);
                w[s] = Math.exp(-replaced / width2);
            }
        } catch (Exception e) {
            throw new EvaluateException(EvaluateException.Reason.MODEL_FAILED,
                    UserMessage.of("evaluate.error.model", String.valueOf(e.getMessage())), e);
        }
        double[] beta = weightedRidge(z, y, w);
        double sw = 0;
        double my = 0;
        for (int s = 0; s < samples; s++) {
            sw += w[s];
            my += w[s] * y[s];
        }
        my /= sw;
        double sse = 0;
        double sst = 0;
        for (int s = 0; s < samples; s++) {
            double fit = 0;
            for (int j = 0; j <= d; j++) {
                fit += beta[j] * z[s][j];
            }
            sse += w[s] * (y[s] - fit) * (y[s] - fit);
            sst += w[s] * (y[s] - my) * (y[s] - my);
        }
        List<Contribution> out = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            int a = features.get(j);
            out.add(new Contribution(background.attribute(a).name(), customer.toString(a), beta[j + 1]));
        }
        out.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.weight())).thenComparing(Contribution::feature));
        return new LocalExplanation(UserMessage.of(METHOD_KEY, samples), score, beta[0], out,
                sst == 0 ? Double.NaN : 1 - sse / sst);
    }

    /** Solves (ZᵀWZ + λI)β = ZᵀWy, the intercept (column 0) not penalised, by Gaussian elimination. */
    private static double[] weightedRidge(double[][] z, double[] y, double[] w) {
        int m = z[0].length;
        double[][] a = new double[m][m + 1];
        for (int s = 0; s < z.length; s++) {
            for (int i = 0; i < m; i++) {
                if (z[s][i] == 0) {
                    continue;
                }
                double wi = w[s] * z[s][i];
                for (int j = 0; j < m; j++) {
                    a[i][j] += wi * z[s][j];
                }
                a[i][m] += wi * y[s];
            }
        }
        for (int i = 1; i < m; i++) {
            a[i][i] += RIDGE;
        }
        for (int c = 0; c < m; c++) {
            int pivot = c;
            for (int r = c + 1; r < m; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            if (Math.abs(a[c][c]) < 1e-300) {
                continue;
            }
            for (int r = 0; r < m; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    if (f != 0) {
                        for (int k = c; k <= m; k++) {
                            a[r][k] -= f * a[c][k];
                        }
                    }
                }
            }
        }
        double[] beta = new double[m];
        for (int i = 0; i < m; i++) {
            beta[i] = Math.abs(a[i][i]) < 1e-300 ? 0 : a[i][m] / a[i][i];
        }
        return beta;
    }
}
