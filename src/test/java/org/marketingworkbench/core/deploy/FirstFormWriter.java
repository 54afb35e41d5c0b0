package org.marketingworkbench.core.deploy;

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
import org.marketingworkbench.core.train.TrainedModel;

/**
 * The first form of a {@code .mwbmodel} file ("version 0"), written exactly as the first {@code train --save} wrote
 * it: this is {@code core/train/TrainedModelFile.java} as it was before commit c3b6a8c removed it (added in
 * 4d1890f), with only the package, this comment and the class name changed. The classes it writes (settings,
 * recipe JSON, Weka's classes) are unchanged since 4d1890f, so its output is that of the old program. Used to make
 * the {@code first-form-logistic.mwbmodel} fixture and to show that such files open.
 */
final class FirstFormWriter {

    static final String FORMAT = "marketing-workbench-model";
    static final int VERSION = 1;

    private FirstFormWriter() {
    }

    static void write(TrainedModel model, Path file) throws IOException {
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
