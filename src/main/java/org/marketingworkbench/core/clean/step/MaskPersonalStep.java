package org.marketingworkbench.core.clean.step;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.clean.table.DatasetEdit;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * Masks personal data: DROP removes the columns; HASH replaces each value by the hex SHA-256 of
 * salt + value, so the same customer gets the same code in every file of the project (rows can still be
 * joined) but the value cannot be read back. The salt belongs to the project ({@link #newSalt()}); it
 * is stored in the recipe so a replay produces the same codes. Hashed columns become identifiers.
 */
public record MaskPersonalStep(boolean enabled, List<String> columns, Method method, String salt)
        implements RecipeStep {

    public static final String OP = "maskPersonal";

    public enum Method { DROP, HASH }

    public MaskPersonalStep {
        columns = List.copyOf(columns);
    }

    public static MaskPersonalStep drop(List<String> columns) {
        return new MaskPersonalStep(true, columns, Method.DROP, null);
    }

    public static MaskPersonalStep hash(List<String> columns, String projectSalt) {
        return new MaskPersonalStep(true, columns, Method.HASH, projectSalt);
    }

    /** A fresh random salt (32 hex digits) for a new project. */
    public static String newSalt() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @Override
    public RecipeStep withEnabled(boolean e) {
        return new MaskPersonalStep(e, columns, method, salt);
    }

    @Override
    public String op() {
        return OP;
    }

    @Override
    public List<String> requiredColumns() {
        return columns;
    }

    @Override
    public boolean isFitted() {
        return method == Method.DROP || (salt != null && !salt.isEmpty());
    }

    @Override
    public RecipeStep fit(Dataset data) throws CleanException {
        Steps.requireColumns(data, columns);
        if (!isFitted()) {
            throw new CleanException(CleanException.Reason.INVALID_SETTINGS, UserMessage.of("clean.error.saltNeeded"));
        }
        return this;
    }

    @Override
    public StepOutput apply(Dataset data) throws CleanException {
        Steps.requireFitted(this);
        Steps.requireColumns(data, columns);
        DatasetEdit edit = new DatasetEdit(data);
        int rows = data.rowCount();
        if (method == Method.DROP) {
            columns.forEach(edit::remove);
            return new StepOutput(edit.build(), StepEffect.of(OP, rows, rows, 0, List.of(), columns));
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        byte[] saltBytes = salt.getBytes(StandardCharsets.UTF_8);
        long changed = 0;
        for (String c : columns) {
            Column<?> col = data.table().column(c);
            StringColumn out = StringColumn.create(c);
            Map<String, String> memo = new HashMap<>();
            for (int r = 0; r < rows; r++) {
                if (col.isMissing(r)) {
                    out.appendMissing();
                    continue;
                }
                String v = col.getString(r);
                out.append(memo.computeIfAbsent(v, x -> {
                    sha.reset();
                    sha.update(saltBytes);
                    return HexFormat.of().formatHex(sha.digest(x.getBytes(StandardCharsets.UTF_8)));
                }));
                changed++;
            }
            edit.replace(out, data.spec(c).orElseThrow().withType(ColumnType.IDENTIFIER,
                    UserMessage.of("clean.reason.hashed")));
        }
        return new StepOutput(edit.build(), StepEffect.of(OP, rows, rows, changed, List.of(), List.of()));
    }
}
