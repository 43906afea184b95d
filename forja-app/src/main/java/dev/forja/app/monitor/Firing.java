package dev.forja.app.monitor;

import dev.forja.serve.monitor.MonitorRule;
import dev.forja.serve.monitor.WindowResult;

/** A rule that fired on a window: it breached there and in the windows before it that the rule asks for. */
record Firing(MonitorRule rule, WindowResult window, double value) {
}
