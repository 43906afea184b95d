package dev.forja.app.train;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.app.cli.Console;
import dev.forja.app.cli.ExitCode;
import dev.forja.app.cli.OutputOptions;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.Learners;
import dev.forja.learn.learners.ParamSpec;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code forja learners [NAME]}: the learners, the tasks they do, and their documented hyperparameters. */
@Command(name = "learners", mixinStandardHelpOptions = true,
        description = "List the models forja train can fit, with their hyperparameters and defaults.")
public final class LearnersCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Show one model only.")
    String name;

    @Mixin
    OutputOptions output = new OutputOptions();

    public LearnersCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        List<Learner> learners = name == null ? Learners.all() : List.of(Learners.get(name));
        if (output.json) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            for (Learner l : learners) {
                ObjectNode n = list.addObject();
                n.put("name", l.id());
                n.put("description", l.description());
                var tasks = n.putArray("tasks");
                l.tasks().stream().map(TaskKind::id).sorted().forEach(tasks::add);
                var params = n.putArray("params");
                for (ParamSpec p : l.params()) {
                    ObjectNode pn = params.addObject();
                    pn.put("name", p.name());
                    pn.put("type", p.type().name().toLowerCase(java.util.Locale.ROOT));
                    pn.put("default", p.defaultValue());
                    pn.put("description", p.description());
                    if (p.type() == ParamSpec.Type.INT || p.type() == ParamSpec.Type.DOUBLE) {
                        pn.put("min", p.min());
                        pn.put("max", p.max());
                    }
                    if (!p.choices().isEmpty()) {
                        var ch = pn.putArray("choices");
                        p.choices().forEach(ch::add);
                    }
                }
            }
            ObjectNode doc = JsonNodeFactory.instance.objectNode();
            doc.set("learners", list);
            console.printJson(doc);
            return ExitCode.OK;
        }
        var o = console.out();
        for (Learner l : learners) {
            String tasks = l.tasks().stream().map(TaskKind::id).sorted().collect(Collectors.joining(", "));
            o.printf("%s  (%s)%n  %s%n", l.id(), tasks, l.description());
            for (ParamSpec p : l.params()) {
                String range = !p.choices().isEmpty() ? String.join("|", p.choices())
                        : p.type() == ParamSpec.Type.INT || p.type() == ParamSpec.Type.DOUBLE ? num(p.min()) + ".." + num(p.max()) : p.type().name().toLowerCase(java.util.Locale.ROOT);
                o.printf("    --param %s=%s  [%s]  %s%n", p.name(), p.defaultValue(), range, p.description());
            }
            o.println();
        }
        return ExitCode.OK;
    }

    private static String num(double d) {
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
