package dev.forja.serve.log;

import dev.forja.store.predictions.LoggedPrediction;
import dev.forja.store.predictions.PredictionLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes answered requests to the prediction log off the request path: a request only offers its
 * record to a bounded queue (never waiting); a writer thread drains it in batches of up to 500 per
 * transaction. When the queue is full the record is dropped and counted, so a slow database can cost
 * log records but never latency.
 */
public final class PredictionLogger implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PredictionLogger.class);
    private static final int BATCH = 500;

    private final PredictionLog log;
    private final BlockingQueue<LoggedPrediction> queue;
    private final Thread writer;
    private final LongAdder written = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private volatile boolean running = true;

    public PredictionLogger(PredictionLog log, int capacity) {
        this.log = log;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::drain, "forja-serve-prediction-log");
        writer.setDaemon(true);
        writer.start();
    }

    public PredictionLog log() {
        return log;
    }

    /** Queues a record; returns false (and counts it) when the queue is full. Never blocks. */
    public boolean offer(LoggedPrediction p) {
        if (queue.offer(p)) {
            return true;
        }
        dropped.increment();
        return false;
    }

    public long written() {
        return written.sum();
    }

    public long dropped() {
        return dropped.sum();
    }

    public long failed() {
        return failed.sum();
    }

    private void drain() {
        List<LoggedPrediction> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                LoggedPrediction first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                log.append(batch);
                written.add(batch.size());
            } catch (InterruptedException e) {
                running = false;
            } catch (RuntimeException e) {
                failed.add(batch.size());
                LOG.warn("could not write {} prediction log record(s): {}", batch.size(), e.getMessage());
            } finally {
                batch.clear();
            }
        }
    }

    /** Writes what is queued (up to 10 s), then stops. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
