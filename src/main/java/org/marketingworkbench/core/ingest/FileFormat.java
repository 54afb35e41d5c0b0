package org.marketingworkbench.core.ingest;

/** The kinds of file the import step reads. */
public enum FileFormat {
    /** Delimited text: CSV, TSV, TXT, optionally gzip-compressed. */
    CSV,
    /** An Excel workbook (.xlsx). */
    EXCEL,
    /** A Weka attribute-relation file (.arff). */
    ARFF
}
