package org.marketingworkbench.core.project;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.io.AtomicFile;
import org.marketingworkbench.core.io.RegularFile;

/**
 * Reads and writes {@code .mwb} files. Saving goes through {@link AtomicFile}: a crash or a full disk
 * during a save leaves the previous project intact, a shared project keeps its permissions, and a
 * project reached through a link is updated through it. Only regular files are read.
 */
public final class ProjectStore {

    /** Files larger than this are certainly not projects; refusing them avoids reading gigabytes. */
    static final long MAX_PROJECT_BYTES = 64L * 1024 * 1024;

    /** Created on first use: the window opens without waiting for a JSON mapper to load. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

        /** Kept in this class so that the JSON library's exception types load only when a project does. */
        static JsonNode parse(byte[] bytes, Path file) throws ProjectException {
            try {
                return MAPPER.readTree(bytes);
            } catch (JsonEOFException e) {
                throw new ProjectException(ProjectException.Reason.TRUNCATED,
                        UserMessage.of("project.error.truncated", file.getFileName()), e);
            } catch (JsonParseException e) {
                throw new ProjectException(ProjectException.Reason.CORRUPT,
                        UserMessage.of("project.error.corrupt", e.getOriginalMessage()), e);
            } catch (IOException e) {
                throw new ProjectException(ProjectException.Reason.CORRUPT,
                        UserMessage.of("project.error.corrupt", e.getMessage()), e);
            }
        }
    }
    private final String appVersion;
    private final Clock clock;
    private final UnaryOperator<OutputStream> outputDecorator;

    public ProjectStore(String appVersion) {
        this(appVersion, Clock.systemUTC(), UnaryOperator.identity());
    }

    /** Test seam: the decorator wraps the stream the project is written to (to simulate a full disk). */
    ProjectStore(String appVersion, Clock clock, UnaryOperator<OutputStream> outputDecorator) {
        this.appVersion = appVersion;
        this.clock = clock;
        this.outputDecorator = outputDecorator;
    }

    public OpenedProject open(Path file) throws ProjectException {
        Path abs = file.toAbsolutePath().normalize();
        byte[] bytes = readBytes(abs);
        if (bytes.length == 0 || new String(bytes, 0, Math.min(bytes.length, 4096),
                java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new ProjectException(ProjectException.Reason.EMPTY,
                    UserMessage.of("project.error.empty", abs.getFileName()), null);
        }
        if (!looksLikeJsonObject(bytes)) {
            throw new ProjectException(ProjectException.Reason.NOT_A_PROJECT,
                    UserMessage.of("project.error.notProject"), null);
        }
        JsonNode root = Json.parse(bytes, abs);
        Project project = ProjectFormat.fromJson(root, abs.getParent());
        OpenedProject.DataStatus status = project.data()
                .map(ds -> Files.isRegularFile(ds.path()) ? OpenedProject.DataStatus.PRESENT
                        : OpenedProject.DataStatus.MISSING)
                .orElse(OpenedProject.DataStatus.NO_DATA);
        return new OpenedProject(project, abs, status);
    }

    public void save(Project project, Path file) throws ProjectException {
        Path target = file.toAbsolutePath().normalize();
        Path dir = target.getParent();
        byte[] json;
        try {
            json = Json.MAPPER.writeValueAsBytes(ProjectFormat.toJson(project, dir, appVersion, clock.instant()));
        } catch (IOException e) {
            throw new ProjectException(ProjectException.Reason.WRITE_FAILED,
                    UserMessage.of("project.error.writeFailed", target, e.getMessage()), e);
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ProjectException(ProjectException.Reason.WRITE_FAILED,
                    UserMessage.of("project.error.noFolder", dir), null);
        }
        if (Files.isDirectory(target)) {
            throw new ProjectException(ProjectException.Reason.WRITE_FAILED,
                    UserMessage.of("project.error.targetIsFolder", target), null);
        }
        try {
            AtomicFile.write(target, raw -> {
                OutputStream out = outputDecorator.apply(raw);
                out.write(json);
                out.write('\n');
                out.flush();
            });
        } catch (AccessDeniedException e) {
            throw new ProjectException(ProjectException.Reason.READ_ONLY,
                    UserMessage.of("project.error.readOnly", dir), e);
        } catch (IOException e) {
            if (isDiskFull(e)) {
                throw new ProjectException(ProjectException.Reason.DISK_FULL,
                        UserMessage.of("project.error.diskFull", dir), e);
            }
            if (!Files.isWritable(dir)) {
                throw new ProjectException(ProjectException.Reason.READ_ONLY,
                        UserMessage.of("project.error.readOnly", dir), e);
            }
            throw new ProjectException(ProjectException.Reason.WRITE_FAILED,
                    UserMessage.of("project.error.writeFailed", target, e.getMessage()), e);
        }
    }

    private static boolean isDiskFull(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.toLowerCase(Locale.ROOT).contains("no space left")
                    || m.toLowerCase(Locale.ROOT).contains("disk full")
                    || m.toLowerCase(Locale.ROOT).contains("not enough space"))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] readBytes(Path file) throws ProjectException {
        try {
            if (Files.isDirectory(file)) {
                throw new ProjectException(ProjectException.Reason.NOT_A_PROJECT,
                        UserMessage.of("project.error.isFolder", file), null);
            }
            long size = Files.size(file);
            if (size > MAX_PROJECT_BYTES) {
                throw new ProjectException(ProjectException.Reason.NOT_A_PROJECT,
                        UserMessage.of("project.error.notProject"), null);
            }
            // only a regular file, and the cap counted on the bytes read: /dev/zero reports size 0
            return RegularFile.read(file, MAX_PROJECT_BYTES);
        } catch (RegularFile.RefusedException e) {
            throw new ProjectException(ProjectException.Reason.NOT_A_PROJECT,
                    UserMessage.of("project.error.notProject"), e);
        } catch (NoSuchFileException e) {
            throw new ProjectException(ProjectException.Reason.NOT_FOUND,
                    UserMessage.of("project.error.notFound", file), e);
        } catch (AccessDeniedException e) {
            throw new ProjectException(ProjectException.Reason.UNREADABLE,
                    UserMessage.of("project.error.unreadable", file), e);
        } catch (FileSystemException e) {
            throw new ProjectException(ProjectException.Reason.UNREADABLE,
                    UserMessage.of("project.error.unreadable", file), e);
        } catch (IOException e) {
            throw new ProjectException(ProjectException.Reason.UNREADABLE,
                    UserMessage.of("project.error.unreadable", file), e);
        }
    }

    private static boolean looksLikeJsonObject(byte[] bytes) {
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < bytes.length && Character.isWhitespace(bytes[i])) {
            i++;
        }
        return i < bytes.length && bytes[i] == '{';
    }
}
