package org.marketingworkbench.core.deploy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.StreamCorruptedException;
import java.nio.file.Path;
import java.util.Set;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * The one way the workbench turns serialised Java objects from a file back into objects: a model bundle's
 * {@code weka.model} and {@code segments.model} parts and a plain Weka {@code .model} file to import all come
 * through here. An {@link ObjectInputFilter} allows only Weka's classes, a short list of JDK value and collection
 * classes, the workbench's own Weka subclasses named below, arrays of those and primitives, and limits depth,
 * references, array length and bytes. Everything else is refused with a message in words before it is created, so
 * a hostile file cannot run code (Java deserialisation of a crafted object is a known way to do so).
 */
final class ModelObjects {

    static final long MAX_DEPTH = 2_000;
    static final long MAX_REFERENCES = 50_000_000;

    /** JDK classes a Weka model, its header and a fitted clusterer are made of, by exact name. */
    static final Set<String> JDK_ALLOWED = Set.of(
            "java.lang.Object", "java.lang.String", "java.lang.Number", "java.lang.Boolean", "java.lang.Character",
            "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float",
            "java.lang.Double", "java.lang.Enum",
            "java.util.ArrayList", "java.util.LinkedList", "java.util.Vector", "java.util.Stack",
            "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.Hashtable",
            "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.BitSet",
            "java.util.Random", "java.util.Date", "java.util.Locale", "java.util.Collections$UnmodifiableList",
            "java.util.Collections$UnmodifiableRandomAccessList", "java.util.Collections$UnmodifiableCollection",
            "java.util.Collections$EmptyList", "java.util.Collections$EmptyMap", "java.util.Collections$EmptySet",
            "java.util.Arrays$ArrayList", "java.util.Map$Entry", "java.util.concurrent.atomic.AtomicLong",
            // date attributes of a Weka header keep their format
            "java.text.SimpleDateFormat", "java.text.DateFormat", "java.text.Format", "java.text.DecimalFormat",
            "java.text.NumberFormat", "java.text.DecimalFormatSymbols", "java.text.DateFormatSymbols",
            "java.util.GregorianCalendar", "java.util.Calendar", "java.util.SimpleTimeZone", "java.util.TimeZone",
            "sun.util.calendar.ZoneInfo",
            // CostSensitiveClassifier (the Train step's answer to a rare class) keeps the folder it would load a
            // cost matrix from: a path, read without touching the file system
            "java.io.File");

    /** The workbench's own subclasses of Weka learners (e.g. a random forest that can be inspected). */
    static final String OWN_WEKA_CLASSES = "org.marketingworkbench.core.adapter.weka.";

    /** The workbench's own Weka clusterer, by exact name: a segmentation in a bundle holds one. */
    static final Set<String> OWN_CLUSTERERS = Set.of(
            "org.marketingworkbench.core.segment.FastKMeans", "org.marketingworkbench.core.segment.FastKMeans$Fit");

    private ModelObjects() {
    }

    /**
     * Reads between {@code min} and {@code max} objects from {@code bytes} (all of them: more than {@code max}, or a
     * stream that ends inside an object, is refused) through the allow-list filter.
     *
     * @param file the file the bytes come from, for messages
     * @param part the part of the file (or the file's name), for messages
     */
    static Object[] read(Path file, String part, byte[] bytes, int min, int max) throws DeployException {
        AllowList filter = new AllowList(bytes.length);
        Counted source = new Counted(bytes);
        try (ObjectInputStream in = new ObjectInputStream(source)) {
            in.setObjectInputFilter(filter);
            java.util.List<Object> objects = new java.util.ArrayList<>(max);
            while (objects.size() < max && !(objects.size() >= min && source.consumed() == bytes.length)) {
                objects.add(in.readObject());
            }
            if (source.consumed() != bytes.length) {
                throw damaged(file, part, "more than " + max + " objects");
            }
            return objects.toArray();
        } catch (InvalidClassException e) {
            if (filter.rejected != null) {
                throw new DeployException(DeployException.Reason.UNSAFE_CONTENT,
                        UserMessage.of("deploy.error.unsafe", file, filter.rejected), e);
            }
            throw notAModel(file, e);
        } catch (EOFException e) {
            throw new DeployException(DeployException.Reason.TRUNCATED, UserMessage.of("deploy.error.truncated", file), e);
        } catch (StreamCorruptedException | ClassNotFoundException | ClassCastException e) {
            throw notAModel(file, e);
        } catch (IOException | RuntimeException e) {
            throw damaged(file, part, reason(e));
        }
    }

    private static DeployException damaged(Path file, String part, String why) {
        return new DeployException(DeployException.Reason.NOT_A_MODEL,
                UserMessage.of("deploy.error.damagedPart", file, part, why));
    }

    static DeployException notAModel(Path file, Throwable cause) {
        return new DeployException(DeployException.Reason.NOT_A_MODEL, UserMessage.of("deploy.error.notAModel", file), cause);
    }

    static String reason(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The bytes with how many of them the object stream has taken. */
    private static final class Counted extends ByteArrayInputStream {
        Counted(byte[] bytes) {
            super(bytes);
        }

        int consumed() {
            return pos;
        }
    }

    /** Weka's classes, the JDK classes in {@link #JDK_ALLOWED}, our own named ones, arrays of those and primitives. */
    static final class AllowList implements ObjectInputFilter {
        private final long maxBytes;
        private final long maxArray;
        /** What was refused, for the message. */
        String rejected;

        AllowList(long streamBytes) {
            this.maxBytes = streamBytes;
            // each element of an array takes at least one byte of the stream (a null is one byte)
            this.maxArray = streamBytes;
        }

        @Override
        public Status checkInput(FilterInfo info) {
            if (info.depth() > MAX_DEPTH) {
                rejected = "depth " + info.depth() + " > " + MAX_DEPTH;
                return Status.REJECTED;
            }
            if (info.references() > MAX_REFERENCES) {
                rejected = "references " + info.references() + " > " + MAX_REFERENCES;
                return Status.REJECTED;
            }
            if (info.streamBytes() > maxBytes) {
                rejected = "bytes " + info.streamBytes() + " > " + maxBytes;
                return Status.REJECTED;
            }
            if (info.arrayLength() > maxArray) {
                rejected = "array length " + info.arrayLength();
                return Status.REJECTED;
            }
            Class<?> c = info.serialClass();
            if (c == null) {
                return Status.UNDECIDED;
            }
            while (c.isArray()) {
                c = c.getComponentType();
            }
            if (c.isPrimitive() || allowed(c.getName())) {
                return Status.ALLOWED;
            }
            rejected = info.serialClass().getName();
            return Status.REJECTED;
        }

        static boolean allowed(String name) {
            return name.startsWith("weka.") || JDK_ALLOWED.contains(name) || OWN_CLUSTERERS.contains(name)
                    || name.startsWith(OWN_WEKA_CLASSES) && name.indexOf('.', OWN_WEKA_CLASSES.length()) < 0;
        }
    }
}
