package org.marketingworkbench.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.train.TrainedModel;

/** Model files from someone else: nothing in them runs, and each kind of damage is named in words. */
class HostileBundleTest {

    private static TrainedModel model;
    private static byte[] modelJson;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() throws Exception {
        model = DeployFixtures.model(DeployFixtures.customers(), "logistic");
        modelJson = ModelBundle.modelJson(model, 0.5, null);
    }

    @BeforeEach
    void resetFlag() {
        HostileObject.RAN.set(false);
    }

    private static byte[] serialise(Object... objects) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream oos = new ObjectOutputStream(bytes)) {
            for (Object o : objects) {
                oos.writeObject(o);
            }
        }
        return bytes.toByteArray();
    }

    private Path bundle(byte[] wekaModel) throws Exception {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put(ModelBundle.MODEL_JSON, modelJson);
        parts.put(ModelBundle.WEKA_MODEL, wekaModel);
        Path file = dir.resolve("from-someone.mwbmodel");
        ModelBundle.writeParts(parts, file);
        return file;
    }

    @Test
    void aHostileSerializedObjectWithACorrectManifestIsRefusedAndItsCodeNeverRuns() throws Exception {
        byte[] hostile = serialise(new HostileObject(), model.header());
        Path file = bundle(hostile);

        assertThatThrownBy(() -> ModelBundleReader.read(file))
                .isInstanceOfSatisfying(DeployException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DeployException.Reason.UNSAFE_CONTENT);
                    assertThat(e.userMessage().format(Locale.ENGLISH))
                            .contains("contains content that is not a model")
                            .contains(HostileObject.class.getName()).contains("could run code");
                    assertThat(e.userMessage().format(Locale.SIMPLIFIED_CHINESE)).contains("已拒绝加载");
                });
        assertThat(HostileObject.RAN).as("the hostile readObject must not have run").isFalse();

        // the same bytes, read as plain Java does without the filter: the code runs. The filter is what protects.
        try (ObjectInputStream unfiltered = new ObjectInputStream(new ByteArrayInputStream(hostile))) {
            assertThat(unfiltered.readObject()).isInstanceOf(HostileObject.class);
        }
        assertThat(HostileObject.RAN).as("without the filter the hostile readObject runs").isTrue();
    }

    @Test
    void aHostileObjectHiddenInsideAnAllowedCollectionIsRefusedToo() throws Exception {
        ArrayList<Object> list = new ArrayList<>();
        list.add("harmless");
        list.add(new HostileObject());
        Path file = bundle(serialise(list, model.header()));
        assertThatThrownBy(() -> ModelBundleReader.read(file)).isInstanceOfSatisfying(DeployException.class,
                e -> assertThat(e.reason()).isEqualTo(DeployException.Reason.UNSAFE_CONTENT));
        assertThat(HostileObject.RAN).isFalse();
    }

    @Test
    void aHugeArrayLengthInATinyPartIsRefusedBeforeItIsAllocated() throws Exception {
        byte[] bytes = serialise((Object) new double[0]);
        // the array's length is the stream's last four bytes: claim two billion doubles (16 GB) in a few bytes
        bytes[bytes.length - 4] = 0x7f;
        bytes[bytes.length - 3] = (byte) 0xff;
        bytes[bytes.length - 2] = (byte) 0xff;
        bytes[bytes.length - 1] = (byte) 0xff;
        assertThatThrownBy(() -> ModelBundleReader.deserialise(dir.resolve("x.mwbmodel"), bytes, 1))
                .isInstanceOfSatisfying(DeployException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DeployException.Reason.UNSAFE_CONTENT);
                    assertThat(e.userMessage().format(Locale.ENGLISH)).contains("array length 2147483647");
                });
    }

    @Test
    void oneChangedByteInAPartIsAnIntegrityErrorBeforeAnythingIsDeserialised() throws Exception {
        Path file = dir.resolve("m.mwbmodel");
        ModelBundle.write(model, file);
        byte[] good = ModelBundle.wekaModel(model);
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 1;
        // a manifest for the good bytes, a part with one byte changed (stored, so the change is in the file as is)
        Path tampered = dir.resolve("tampered.mwbmodel");
        Files.write(tampered, zip(Map.of(
                ModelBundle.MODEL_JSON, modelJson,
                ModelBundle.WEKA_MODEL, bad,
                ModelBundle.MANIFEST, manifest(modelJson, good, ModelBundle.VERSION))));

        assertThatThrownBy(() -> ModelBundleReader.read(tampered)).isInstanceOfSatisfying(DeployException.class, e -> {
            assertThat(e.reason()).isEqualTo(DeployException.Reason.TAMPERED);
            assertThat(e.userMessage().format(Locale.ENGLISH)).contains("was changed after it was saved")
                    .contains("weka.model");
        });
        assertThat(ModelBundleReader.read(file).model().learnerId()).isEqualTo("logistic");
    }

    @Test
    void aTruncatedFileSaysItIsIncomplete() throws Exception {
        Path file = dir.resolve("m.mwbmodel");
        ModelBundle.write(model, file);
        byte[] whole = Files.readAllBytes(file);
        for (int keep : new int[] {whole.length / 3, whole.length / 2, whole.length - 200}) {
            Path cut = dir.resolve("cut" + keep + ".mwbmodel");
            Files.write(cut, java.util.Arrays.copyOf(whole, keep));
            assertThatThrownBy(() -> ModelBundleReader.read(cut)).as("cut at " + keep)
                    .isInstanceOfSatisfying(DeployException.class, e -> {
                        assertThat(e.reason()).isEqualTo(DeployException.Reason.TRUNCATED);
                        assertThat(e.userMessage().format(Locale.ENGLISH)).contains("is incomplete");
                    });
        }
    }

    @Test
    void notAZipAndAZipOfSomethingElseAreNotModels() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mwbmodel"), "customer_id,income\n1,2\n");
        assertThatThrownBy(() -> ModelBundleReader.read(text)).isInstanceOfSatisfying(DeployException.class, e -> {
            assertThat(e.reason()).isEqualTo(DeployException.Reason.NOT_A_MODEL);
            assertThat(e.userMessage().format(Locale.ENGLISH)).contains("is not a Marketing Workbench model file");
        });
        Path otherZip = dir.resolve("other.mwbmodel");
        Files.write(otherZip, zip(Map.of("readme.txt", "hello".getBytes(StandardCharsets.UTF_8))));
        assertThatThrownBy(() -> ModelBundleReader.read(otherZip)).isInstanceOfSatisfying(DeployException.class,
                e -> assertThat(e.reason()).isEqualTo(DeployException.Reason.NOT_A_MODEL));
        Path missing = dir.resolve("nothing.mwbmodel");
        assertThatThrownBy(() -> ModelBundleReader.read(missing)).isInstanceOfSatisfying(DeployException.class,
                e -> assertThat(e.reason()).isEqualTo(DeployException.Reason.UNREADABLE));
    }

    @Test
    void aBundleFromANewerVersionSaysSo() throws Exception {
        byte[] weka = ModelBundle.wekaModel(model);
        Path newer = dir.resolve("newer.mwbmodel");
        Files.write(newer, zip(Map.of(ModelBundle.MODEL_JSON, modelJson, ModelBundle.WEKA_MODEL, weka,
                ModelBundle.MANIFEST, manifest(modelJson, weka, ModelBundle.VERSION + 1))));
        assertThatThrownBy(() -> ModelBundleReader.read(newer)).isInstanceOfSatisfying(DeployException.class, e -> {
            assertThat(e.reason()).isEqualTo(DeployException.Reason.NEWER_VERSION);
            assertThat(e.userMessage().format(Locale.ENGLISH)).contains("from a newer version");
        });
    }

    private static byte[] manifest(byte[] json, byte[] weka, int version) {
        return ("{\"format\":\"" + ModelBundle.FORMAT + "\",\"version\":" + version + ",\"sha256\":{\"model.json\":\""
                + ModelBundle.sha256(json) + "\",\"weka.model\":\"" + ModelBundle.sha256(weka) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A zip whose entries are stored (not compressed), so a byte changed in a part is changed in the file. */
    private static byte[] zip(Map<String, byte[]> parts) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(0);
            for (Map.Entry<String, byte[]> p : new java.util.TreeMap<>(parts).entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
