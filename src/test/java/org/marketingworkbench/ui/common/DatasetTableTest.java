package org.marketingworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import tech.tablesaw.api.StringColumn;

class DatasetTableTest {

    @Test
    void freeTextGetsRoomToBeReadAndShortCodesStayNarrow() {
        StringColumn reviews = StringColumn.create("评论",
                "这家店的服务态度非常好，送货也很快，下次还会再来购买。", "质量一般，包装有破损，客服回复很慢。");
        double text = DatasetTable.preferredWidth(new ColumnSpec("评论", ColumnType.TEXT, null), reviews);
        assertThat(text).as("a review column is wide enough for a sentence").isGreaterThanOrEqualTo(400);
        StringColumn codes = StringColumn.create("sex", "M", "F");
        assertThat(DatasetTable.preferredWidth(new ColumnSpec("sex", ColumnType.CATEGORY, null), codes)).isEqualTo(90);
        StringColumn longCategory = StringColumn.create("product", "x".repeat(200));
        assertThat(DatasetTable.preferredWidth(new ColumnSpec("product", ColumnType.CATEGORY, null), longCategory))
                .isEqualTo(260);
    }
}
