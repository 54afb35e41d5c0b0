package org.marketingworkbench.core.project;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.marketingworkbench.core.pipeline.PipelineState;
import org.marketingworkbench.core.pipeline.Stage;

/**
 * One project: a data source, what every step has set and found, and the consultant's notes. Immutable; every
 * change returns a new project, so a failed step simply keeps the old one.
 *
 * @param notes short comments by report item id (a section such as {@code "segment"}, or a chart such as
 *              {@code "segment.map"}; see {@code core.report.ReportItems}), shown in the exported report under that
 *              item. Kept whatever the steps do: a note is the consultant's, not a result.
 */
public record Project(String name, DataSource dataSource, Map<Stage, StepRecord> steps, Instant created,
                      Map<String, String> notes) {

    /** A note longer than this is cut: a note is a short comment, not a document. */
    public static final int MAX_NOTE_LENGTH = 2000;

    public Project {
        name = name == null || name.isBlank() ? "Untitled" : name.strip();
        EnumMap<Stage, StepRecord> copy = new EnumMap<>(Stage.class);
        if (steps != null) {
            copy.putAll(steps);
        }
        steps = Collections.unmodifiableMap(copy);
        created = created == null ? Instant.now() : created;
        TreeMap<String, String> kept = new TreeMap<>();
        if (notes != null) {
            notes.forEach((id, text) -> {
                String note = normalisedNote(text);
                if (id != null && !id.isBlank() && note != null) {
                    kept.put(id.strip(), note);
                }
            });
        }
        notes = Collections.unmodifiableSortedMap(kept);
    }

    /** A project without notes. */
    public Project(String name, DataSource dataSource, Map<Stage, StepRecord> steps, Instant created) {
        this(name, dataSource, steps, created, Map.of());
    }

    public static Project untitled() {
        return new Project("Untitled", null, Map.of(), Instant.now());
    }

    public Optional<DataSource> data() {
        return Optional.ofNullable(dataSource);
    }

    public StepRecord step(Stage stage) {
        return steps.getOrDefault(stage, StepRecord.empty());
    }

    public PipelineState pipelineState() {
        EnumSet<Stage> done = EnumSet.noneOf(Stage.class);
        steps.forEach((stage, rec) -> {
            if (rec.done()) {
                done.add(stage);
            }
        });
        // a step only counts as done when every step it builds on is done too
        EnumSet<Stage> consistent = EnumSet.noneOf(Stage.class);
        for (Stage s : Stage.values()) {
            if (done.contains(s) && consistent.containsAll(s.prerequisites())) {
                consistent.add(s);
            }
        }
        return new PipelineState(consistent);
    }

    public Project withName(String newName) {
        return new Project(newName, dataSource, steps, created, notes);
    }

    public Project withDataSource(DataSource newSource) {
        return new Project(name, newSource, steps, created, notes);
    }

    /** The note on report item {@code id}, if there is one. */
    public Optional<String> note(String id) {
        return Optional.ofNullable(notes.get(id));
    }

    /**
     * Sets the note on report item {@code id}; a blank or null text removes it. The text is stripped, its line
     * breaks kept, and cut at {@link #MAX_NOTE_LENGTH} characters. The same note again changes nothing.
     */
    public Project withNote(String id, String text) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a note needs the id of a section or chart");
        }
        TreeMap<String, String> copy = new TreeMap<>(notes);
        String note = normalisedNote(text);
        if (note == null) {
            copy.remove(id.strip());
        } else {
            copy.put(id.strip(), note);
        }
        return copy.equals(notes) ? this : new Project(name, dataSource, steps, created, copy);
    }

    private static String normalisedNote(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replace("\r\n", "\n").replace('\r', '\n');
        if (t.length() > MAX_NOTE_LENGTH) {
            int end = MAX_NOTE_LENGTH;
            if (Character.isHighSurrogate(t.charAt(end - 1))) {
                end--;
            }
            t = t.substring(0, end);
        }
        return t;
    }

    /**
     * Replaces one step's record. When a step changes, later steps are no longer done; the same record again
     * (a step re-run on the same data with the same settings) changes nothing.
     */
    public Project withStep(Stage stage, StepRecord record) {
        if (record.equals(steps.get(stage))) {
            return this;
        }
        EnumMap<Stage, StepRecord> copy = new EnumMap<>(Stage.class);
        copy.putAll(steps);
        copy.put(stage, record);
        for (Stage later = stage.next().orElse(null); later != null; later = later.next().orElse(null)) {
            StepRecord old = copy.get(later);
            if (old != null && old.done()) {
                copy.put(later, new StepRecord(false, old.settings(), null));
            }
        }
        return new Project(name, dataSource, copy, created, notes);
    }
}
