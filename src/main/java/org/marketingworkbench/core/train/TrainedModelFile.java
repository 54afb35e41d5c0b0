package org.marketingworkbench.core.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.marketingworkbench.core.clean.RecipeJson;
import org.marketingworkbench.core.io.AtomicFile;

/**
 * Writes a {@link TrainedModel} as a {@code .mwbmodel} file: a zip with {@code model.json} (format, settings,
 * target, learner, Weka class and options, the fitted cleaning recipe) and {@code weka.model} (Java
 * serialisation of the Weka classifier and its empty {@code Instances} header, as Weka's
 * {@code SerializationHelper.writeAll} does). A first form only, superseded by
 * {@code org.marketingworkbench.core.deploy.ModelBundle} (same parts plus a SHA-256 manifest, provenance and the
 * threshold), which {@code train --save} now writes; {@code ModelBundleReader} refuses this form because it
 * cannot be checked. Kept (not called by the workbench any more) until the Train screen's save moves over.
 */
public final class TrainedModelFile {

    public static final String FORMAT = "marketing-workbench-model";
    public static final int VERSION = 1;

    private TrainedModelFile() {
    }

    public static void write(TrainedModel model, Path file) throws IOException {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("format", FORMAT);
        json.put("version", VERSION);
        json.put("learner", model.learnerId());
        json.put("wekaClass", model.classifier().getClass().getName());
        if (model.classifier() instanceof weka.core.OptionHandler oh) {
            json.put("wekaOptions", weka.core.Utils.joinOptions(oh.getOptions()));
        }
        json.set("settings", model.settings().toJson());
        ObjectNode target = json.putObject("target");
        target.put("column", model.target().column());
        target.put("task", model.target().task().name());
        ArrayNode classes = target.putArray("classes");
        model.target().classes().forEach(classes::add);
        json.set("recipe", new ObjectMapper().readTree(RecipeJson.write(model.recipe())));
        byte[] meta = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
        AtomicFile.write(file, out -> {
            // finish, not close: AtomicFile closes (and syncs) the stream itself
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry("model.json"));
            zip.write(meta);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("weka.model"));
            ObjectOutputStream oos = new ObjectOutputStream(zip);
            oos.writeObject(model.classifier());
            oos.writeObject(model.header());
            oos.flush();
            zip.closeEntry();
            zip.finish();
        });
    }
}
