package dev.forja.app.monitor;

import dev.forja.serve.monitor.MonitorRule;
import dev.forja.serve.monitor.WindowResult;
import java.util.ArrayList;
import java.util.List;

/** Applies a policy's rules to windows in time order: a rule fires on a window when it has breached for its number of windows in a row there. */
final class RuleEvaluation {
    private RuleEvaluation() {
    }

    static List<Firing> fire(List<MonitorRule> rules, List<WindowResult> windows) {
        List<Firing> out = new ArrayList<>();
        for (MonitorRule rule : rules) {
            int streak = 0;
            for (WindowResult w : windows) {
                double v = rule.value(w);
                streak = rule.breaches(v) ? streak + 1 : 0;
                if (streak >= rule.windows()) {
                    out.add(new Firing(rule, w, v));
                }
            }
        }
        out.sort(java.util.Comparator.comparingLong((Firing f) -> f.window().start()).thenComparing(f -> f.rule().text()));
        return out;
    }
}
