package org.marketingworkbench.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EncodingDetectionTest {

    @Test
    void detectsUtf8WithBomAndStripsIt() throws Exception {
        ImportResult r = Fixtures.read("utf8-bom.csv");
        assertThat(r.resolvedSettings().encoding()).isEqualTo("UTF-8");
        assertThat(r.dataset().table().columnNames()).first().isEqualTo("name");
        assertThat(r.dataset().table().stringColumn("city").asList()).containsExactly("Zürich", "Köln", "Århus");
    }

    @Test
    void detectsUtf16LittleEndianWithBom() throws Exception {
        ImportResult r = Fixtures.read("utf16le-bom.csv");
        assertThat(r.resolvedSettings().encoding()).isEqualTo("UTF-16LE");
        assertThat(r.dataset().table().columnNames()).containsExactly("name", "city", "amount");
        assertThat(r.dataset().table().stringColumn("name").asList()).containsExactly("José", "Renée");
    }

    @Test
    void detectsUtf16WithoutBomFromItsZeroBytes() throws Exception {
        byte[] b = "id,name\n1,Anna\n2,Ben\n".getBytes(StandardCharsets.UTF_16BE);
        assertThat(EncodingDetector.detect(b, b.length, false).charset()).isEqualTo(StandardCharsets.UTF_16BE);
    }

    @Test
    void detectsWindows1252() throws Exception {
        ImportResult r = Fixtures.read("windows1252.csv");
        assertThat(Charset.forName(r.resolvedSettings().encoding())).isEqualTo(Charset.forName("windows-1252"));
        assertThat(r.dataset().table().stringColumn("city").asList()).contains("Zürich", "Besançon");
        assertThat(r.dataset().table().stringColumn("price").get(0)).isEqualTo("12,50 €");
    }

    @Test
    void detectsGbkTextAsGb18030() throws Exception {
        byte[] b = "客户,城市\n张伟,北京\n王芳,上海\n李娜,广州\n".getBytes("GBK");
        assertThat(EncodingDetector.detect(b, b.length, false).charset()).isEqualTo(EncodingDetector.GB18030);
    }

    @Test
    void plainAsciiIsUtf8() throws Exception {
        byte[] b = "a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(EncodingDetector.detect(b, b.length, false).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void anEncodingTheUserChoosesWins() throws Exception {
        ImportResult r = Fixtures.read("windows1252.csv", ImportSettings.auto().withEncoding("ISO-8859-1"));
        assertThat(r.resolvedSettings().encoding()).isEqualTo("ISO-8859-1");
        assertThat(r.dataset().table().stringColumn("city").asList()).contains("Zürich");
    }
}
