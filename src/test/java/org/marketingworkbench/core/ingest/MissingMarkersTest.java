package org.marketingworkbench.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A String and the same characters in a buffer are missing alike. */
class MissingMarkersTest {

    private static final MissingMarkers DEFAULT = new MissingMarkers(List.of("NA", "N/A", "null", "-", "?"));
    private static final MissingMarkers NUMERIC = new MissingMarkers(List.of("-1", " 999 ", "unknown"));
    private static final MissingMarkers NONE = new MissingMarkers(List.of());

    @Provide
    Arbitrary<String> cells() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("NA/nul-?19 k\u00A0\u3000\t").ofMaxLength(9),
                Arbitraries.of("", " ", "NA", " NA ", "N/A", "null", "-", "?", "-1", "999", " 999", "unknown", "n/a"));
    }

    @Property(tries = 2000)
    void aStringIsMissingExactlyWhenItsCharactersAre(@ForAll("cells") String cell) {
        char[] buf = ("ab" + cell + "cd").toCharArray();
        for (MissingMarkers m : new MissingMarkers[] {DEFAULT, NUMERIC, NONE}) {
            assertThat(m.isMissing(cell)).as("'%s'", cell).isEqualTo(m.isMissing(buf, 2, cell.length()));
        }
    }
}
