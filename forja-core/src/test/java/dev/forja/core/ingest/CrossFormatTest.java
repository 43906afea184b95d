package dev.forja.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forja.core.frame.ColumnKind;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The same real table read from CSV and from another format has the same fingerprint wherever the
 * kinds agree: the readers agree value for value, and the fingerprint does not depend on the format.
 * The derived files come from the CSVs (examples/data/make_examples.py, MakeParquet.java).
 */
class CrossFormatTest {
    private static Dataset example(String name, ReadOptions options) {
        return DataReaders.read(TestFiles.examples().resolve(name).toString(), options);
    }

    /** The CSV side; skipped while the CSV reader is still the placeholder (it is built on its own branch). */
    private static Dataset csv(String name, ReadOptions options) {
        try {
            return example(name, options);
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("the CSV reader is not merged yet: " + e.getMessage());
            throw e;
        }
    }

    @Test
    void autoMpgFromCsvAndArff() {
        // ARFF declares origin nominal and car_name string; the CSV is told the same.
        Dataset csv = csv("auto_mpg.csv", ReadOptions.defaults().withKind("origin", ColumnKind.CATEGORICAL)
                .withKind("car_name", ColumnKind.TEXT));
        Dataset arff = example("auto_mpg.arff", ReadOptions.defaults());
        assertThat(arff.frame().schema()).isEqualTo(csv.frame().schema());
        assertThat(arff.fingerprint()).isEqualTo(csv.fingerprint());
    }

    @Test
    void titanicFromCsvAndJsonLines() {
        Dataset csv = csv("titanic.csv", ReadOptions.defaults());
        Dataset json = example("titanic.jsonl", ReadOptions.defaults());
        assertThat(json.frame().schema()).isEqualTo(csv.frame().schema());
        assertThat(json.fingerprint()).isEqualTo(csv.fingerprint());
    }

    @Test
    void bikeSharingFromCsvAndParquet() {
        Dataset csv = csv("bike_sharing_day.csv", ReadOptions.defaults());
        Dataset parquet = example("bike_sharing_day.parquet", ReadOptions.defaults());
        assertThat(parquet.frame().schema()).isEqualTo(csv.frame().schema());
        assertThat(parquet.fingerprint()).isEqualTo(csv.fingerprint());
    }
}
