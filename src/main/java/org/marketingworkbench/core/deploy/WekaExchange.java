package org.marketingworkbench.core.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marketingworkbench.core.adapter.weka.InspectableRandomForest;
import org.marketingworkbench.core.clean.FittedRecipe;
import org.marketingworkbench.core.clean.SchemaColumn;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.io.AtomicFile;
import org.marketingworkbench.core.train.LearnerChoice;
import org.marketingworkbench.core.train.TargetInfo;
import org.marketingworkbench.core.train.Task;
import org.marketingworkbench.core.train.TrainedModel;
import org.marketingworkbench.core.train.TrainingSettings;
import weka.classifiers.Classifier;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionHandler;
import weka.core.Utils;
import weka.core.converters.ArffLoader;

/**
 * Models to and from plain Weka.
 *
 * <p><b>Export</b> writes what Weka's Explorer writes when it saves a model ({@code SerializationHelper.writeAll}
 * of the classifier and its header): Weka opens it, and so do scripts that use Weka. The header is the model's
 * input <em>after</em> the workbench's cleaning recipe: the recipe itself does not go with it, so data given to
 * the exported model must already be cleaned the same way, and a date column is a numeric attribute there (days
 * since 1970-01-01, as the workbench gives dates to Weka), so a model exported and imported back expects a number
 * in that column. The workbench's own subclass of Weka's random forest is
 * written as a plain {@code weka.classifiers.trees.RandomForest} (the same trees), so Weka needs nothing of ours.
 *
 * <p><b>Import</b> makes a workbench model of a Weka {@code .model} file (a classifier, often followed by its
 * header) and an ARFF header: the schema is the header's attributes (numbers and categories), the target its class
 * attribute, the task follows from the class (two values, several, a number), and the cleaning recipe is empty.
 * The {@code .model} file is read through the same allow-list filter as a model bundle ({@link ModelObjects}), so
 * a hostile file is refused before any of it runs.
 */
public final class WekaExchange {

    /** The learner id of an imported model (it is none of the workbench's learners). */
    public static final String IMPORTED_LEARNER = "weka";

    /** Largest Weka model or header file read. */
    public static final long MAX_FILE_BYTES = ModelBundleReader.MAX_PART_BYTES;

    private WekaExchange() {
    }

    // ---------------------------------------------------------------- export

    /** Writes {@code model}'s classifier and header as Weka's Explorer does, atomically. */
    public static void export(TrainedModel model, Path file) throws IOException {
        Classifier classifier = model.classifier();
        Instances header = new Instances(model.header(), 0);
        AtomicFile.write(file, out -> {
            ObjectOutputStream oos = new PlainWeka(out);
            oos.writeObject(classifier);
            oos.writeObject(header);
            oos.flush(); // not closed: AtomicFile closes (and syncs) the stream itself
        });
    }

    /** Java serialisation that writes the workbench's own Weka subclasses as the Weka classes they extend. */
    private static final class PlainWeka extends ObjectOutputStream {
        PlainWeka(OutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) {
            return obj instanceof InspectableRandomForest rf ? rf.toRandomForest() : obj;
        }
    }

    // ---------------------------------------------------------------- import

    /**
     * A workbench model of a plain Weka model.
     *
     * @param modelFile   the {@code .model} file: a serialised classifier, optionally followed by its header
     * @param headerFile  an ARFF file whose header (attributes; any data rows are ignored) describes the model's
     *                    input, or null to use the header inside the model file
     * @param classColumn the class attribute's name, or null: the last attribute of the ARFF header (the header
     *                    inside the model file keeps its own class)
     * @param positive    for two classes, the class that means "yes", or null: the class's second value
     * @throws DeployException NOT_A_MODEL, UNSAFE_CONTENT, TRUNCATED, TOO_LARGE, UNREADABLE for the files, and
     *                         UNSUPPORTED_HEADER when header and model do not go together or the header has
     *                         attributes the workbench cannot score
     */
    public static TrainedModel importModel(Path modelFile, Path headerFile, String classColumn, String positive)
            throws DeployException {
        byte[] bytes = bytes(modelFile);
        Object[] objects = ModelObjects.read(modelFile, String.valueOf(modelFile.getFileName()), bytes, 1, 2);
        if (!(objects[0] instanceof Classifier classifier)) {
            throw new DeployException(DeployException.Reason.NOT_A_MODEL,
                    UserMessage.of("deploy.weka.notAClassifier", modelFile, objects[0].getClass().getName()));
        }
        Instances inside = null;
        if (objects.length > 1) {
            if (!(objects[1] instanceof Instances h)) {
                throw new DeployException(DeployException.Reason.NOT_A_MODEL,
                        UserMessage.of("deploy.weka.notAHeader", modelFile, objects[1].getClass().getName()));
            }
            inside = new Instances(h, 0);
        }
        Instances header;
        if (headerFile != null) {
            header = arffHeader(headerFile);
            int cls = classColumn == null ? header.numAttributes() - 1 : indexOf(header, classColumn, headerFile);
            header.setClassIndex(cls);
            if (inside != null) {
                String differs = inside.equalHeadersMsg(header);
                if (differs != null) {
                    throw unsupported(UserMessage.of("deploy.weka.headersDiffer", modelFile.getFileName(),
                            headerFile.getFileName(), differs));
                }
            }
        } else if (inside != null) {
            header = inside;
            if (classColumn != null) {
                header.setClassIndex(indexOf(header, classColumn, modelFile));
            } else if (header.classIndex() < 0) {
                header.setClassIndex(header.numAttributes() - 1);
            }
        } else {
            throw unsupported(UserMessage.of("deploy.weka.needsHeader", modelFile.getFileName()));
        }
        if (header.numAttributes() < 2) {
            throw unsupported(UserMessage.of("deploy.weka.noFeatures"));
        }
        TrainedModel model = model(classifier, header, positive);
        smokeTest(model, modelFile);
        return model;
    }

    private static TrainedModel model(Classifier classifier, Instances header, String positive) throws DeployException {
        Attribute cls = header.classAttribute();
        List<String> unusable = new ArrayList<>();
        List<SchemaColumn> schema = new ArrayList<>();
        Map<String, List<String>> known = new LinkedHashMap<>();
        List<String> features = new ArrayList<>();
        for (int a = 0; a < header.numAttributes(); a++) {
            Attribute att = header.attribute(a);
            ColumnType type;
            if (att.isNominal()) {
                type = ColumnType.CATEGORY;
                known.put(att.name(), values(att));
            } else if (att.type() == Attribute.NUMERIC) {
                type = ColumnType.NUMBER;
            } else {
                unusable.add(att.name() + " (" + Attribute.typeToString(att) + ")");
                continue;
            }
            schema.add(new SchemaColumn(att.name(), type));
            if (a != header.classIndex()) {
                features.add(att.name());
            }
        }
        if (!unusable.isEmpty()) {
            throw unsupported(UserMessage.of("deploy.weka.unusableAttributes", String.join(", ", unusable)));
        }
        Task task;
        List<String> classes = cls.isNominal() ? values(cls) : List.of();
        if (cls.isNumeric()) {
            task = Task.NUMBER;
        } else if (classes.size() == 2) {
            task = Task.BINARY;
        } else if (classes.size() > 2) {
            task = Task.MULTICLASS;
        } else {
            throw unsupported(UserMessage.of("deploy.weka.oneClass", cls.name()));
        }
        String yes = "";
        if (task == Task.BINARY) {
            yes = positive == null ? classes.get(1) : positive;
            if (!classes.contains(yes)) {
                throw unsupported(UserMessage.of("deploy.weka.unknownPositive", yes, cls.name(), String.join(", ", classes)));
            }
        }
        String options = classifier instanceof OptionHandler oh ? Utils.joinOptions(oh.getOptions()) : "";
        TrainingSettings settings = TrainingSettings.of(cls.name(), yes, features,
                List.of(new LearnerChoice(IMPORTED_LEARNER, Map.of(), options)));
        TargetInfo target = new TargetInfo(cls.name(), task, classes, new int[classes.size()],
                task == Task.BINARY ? Optional.of(yes) : Optional.empty());
        FittedRecipe identity = new FittedRecipe(List.of(), schema, known);
        return new TrainedModel(settings, target, IMPORTED_LEARNER, classifier, identity, new Instances(header, 0));
    }

    /** The model predicts one made-up customer (every number 0, every category its first value) without failing. */
    private static void smokeTest(TrainedModel model, Path modelFile) throws DeployException {
        Instances h = new Instances(model.header(), 0);
        Instance one = new DenseInstance(h.numAttributes());
        one.setDataset(h);
        for (int a = 0; a < h.numAttributes(); a++) {
            if (a != h.classIndex()) {
                one.setValue(a, 0);
            }
        }
        try {
            double[] d = model.classifier().distributionForInstance(one);
            int expected = model.target().task() == Task.NUMBER ? 1 : model.target().classes().size();
            if (d == null || d.length != expected) {
                throw new IllegalStateException((d == null ? 0 : d.length) + " outputs for " + expected + " classes");
            }
        } catch (Exception e) {
            throw unsupported(UserMessage.of("deploy.weka.doesNotFit", modelFile.getFileName(), ModelObjects.reason(e)));
        }
    }

    private static List<String> values(Attribute att) {
        List<String> out = new ArrayList<>(att.numValues());
        for (int i = 0; i < att.numValues(); i++) {
            out.add(att.value(i));
        }
        return out;
    }

    private static int indexOf(Instances header, String name, Path file) throws DeployException {
        Attribute a = header.attribute(name);
        if (a == null) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < header.numAttributes(); i++) {
                names.add(header.attribute(i).name());
            }
            throw unsupported(UserMessage.of("deploy.weka.unknownClass", name, file.getFileName(), String.join(", ", names)));
        }
        return a.index();
    }

    /** The attributes of an ARFF file (data rows are not read). */
    static Instances arffHeader(Path file) throws DeployException {
        ModelBundleReader.checkedSize(file);
        try (InputStream in = Files.newInputStream(file);
             Reader reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
            ArffLoader.ArffReader arff = new ArffLoader.ArffReader(reader, 1);
            return new Instances(arff.getStructure(), 0);
        } catch (IOException | RuntimeException e) {
            throw new DeployException(DeployException.Reason.UNSUPPORTED_HEADER,
                    UserMessage.of("deploy.weka.badArff", file, ModelObjects.reason(e)), e);
        }
    }

    private static byte[] bytes(Path file) throws DeployException {
        long size = ModelBundleReader.checkedSize(file);
        if (size > MAX_FILE_BYTES) {
            throw new DeployException(DeployException.Reason.TOO_LARGE,
                    UserMessage.of("deploy.error.tooLarge", file, MAX_FILE_BYTES >> 20));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return ModelBundleReader.readLimited(in, MAX_FILE_BYTES, file, String.valueOf(file.getFileName()));
        } catch (IOException e) {
            throw new DeployException(DeployException.Reason.UNREADABLE,
                    UserMessage.of("deploy.error.unreadable", file, ModelObjects.reason(e)), e);
        }
    }

    private static DeployException unsupported(UserMessage m) {
        return new DeployException(DeployException.Reason.UNSUPPORTED_HEADER, m);
    }
}
