package dev.forja.core.ingest;

import dev.forja.core.ingest.arff.ArffParser;
import java.nio.file.Path;

/**
 * Reads Weka's ARFF format ({@code .arff}, {@code .arff.gz}): attribute types become column kinds
 * ({@code numeric}/{@code real}/{@code integer} → numeric, nominal {@code {a,b}} → categorical with
 * the declared levels in declared order, {@code string} → text, {@code date [format]} → datetime),
 * dense and sparse rows, {@code ?} for missing values. Details and the choices made where Weka's
 * behaviour is odd are documented on {@link ArffParser} and its helpers.
 */
public final class ArffReader implements DataReader {
    @Override
    public Dataset read(String source, ReadOptions options) {
        return ArffParser.read(Path.of(source), source, options);
    }
}
