package dev.forja.app.train;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forja.app.cli.Console;
import dev.forja.app.cli.InProcess;
import dev.forja.app.data.DataSourceOptions;
import dev.forja.app.tracking.TrackingOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A configuration chosen by a search (tune, automl) refitted by {@code forja train} itself, with the
 * same data options, split and seed the search used: the chosen model is logged, written and
 * registered exactly as a trained one. Returns train's JSON.
 *
 * @param optional further train options as name-value pairs (null values are left out), e.g. --metric, --group-by
 */
public record Refit(String source, String target, String model, Map<String, String> params, double testSize, long seed, String experiment,
                    String runName, Map<String, String> optional, String register, Path out, TrackingOptions tracking, DataSourceOptions data) {

    public JsonNode run(Console console, String what) {
        List<String> args = new ArrayList<>(List.of("train", source, "--target", target, "--model", model, "--test-size", Double.toString(testSize),
                "--seed", Long.toString(seed), "--experiment", experiment, "--run-name", runName, "--json"));
        optional.forEach((option, value) -> {
            if (value != null) {
                args.addAll(List.of(option, value));
            }
        });
        params.forEach((k, v) -> args.addAll(List.of("--param", k + "=" + v)));
        if (register != null) {
            args.addAll(List.of("--register", register));
        }
        if (out != null) {
            args.addAll(List.of("--out", out.toString()));
        }
        if (tracking.trackingUri != null) {
            args.addAll(List.of("--tracking-uri", tracking.trackingUri));
        }
        console.note("forja: refitting " + what + ": forja " + String.join(" ", args));
        args.addAll(data.asArguments());
        return InProcess.json(args);
    }
}
