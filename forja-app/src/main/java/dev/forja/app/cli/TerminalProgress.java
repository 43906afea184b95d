package dev.forja.app.cli;

import dev.forja.core.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Draws {@code stage  42%  1.3 s elapsed, ETA 1.8 s} on one stderr line, redrawn at most ten times a
 * second, and clears it when a stage ends so results print on a clean line.
 */
final class TerminalProgress implements ProgressListener {
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream err;
    private String stage;
    private long stageStart;
    private long lastDraw;
    private int drawnWidth;

    TerminalProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void update(String stage, long done, long total) {
        long now = System.nanoTime();
        if (!stage.equals(this.stage)) {
            this.stage = stage;
            stageStart = now;
            lastDraw = 0;
        }
        boolean finished = total >= 0 && done >= total;
        if (!finished && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double elapsed = (now - stageStart) / 1e9;
        String line;
        if (total > 0) {
            double fraction = Math.min(1.0, (double) done / total);
            String eta = fraction > 0 && !finished
                    ? String.format(Locale.ROOT, ", ETA %.1f s", elapsed / fraction - elapsed) : "";
            line = String.format(Locale.ROOT, "%s %3.0f%%  %.1f s elapsed%s", stage, fraction * 100, elapsed, eta);
        } else {
            line = String.format(Locale.ROOT, "%s  %d  %.1f s elapsed", stage, done, elapsed);
        }
        StringBuilder sb = new StringBuilder("\r").append(line);
        for (int i = line.length(); i < drawnWidth; i++) {
            sb.append(' ');
        }
        drawnWidth = line.length();
        if (finished) {
            sb.append("\r");
            for (int i = 0; i < drawnWidth; i++) {
                sb.append(' ');
            }
            sb.append('\r');
            drawnWidth = 0;
        }
        err.print(sb);
        err.flush();
    }
}
