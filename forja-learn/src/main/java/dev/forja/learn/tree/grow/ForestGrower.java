package dev.forja.learn.tree.grow;

import dev.forja.core.ProgressListener;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.tree.eval.OutputTransform;
import dev.forja.learn.tree.eval.TreeEnsemble;
import dev.forja.learn.tree.eval.TreeEnsembleBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Grows the trees of a forest (or the single tree of a decision tree) in parallel and compiles them
 * into one {@link TreeEnsemble} that averages them.
 *
 * <p>Reproducible whatever the thread count: each tree's random generator is seeded with the
 * {@code t}-th number drawn from {@code SplittableRandom(seed)}, fixed before any thread starts, and
 * the trees are put in the ensemble in index order, so 1 thread and 16 give the same bytes.
 */
public final class ForestGrower {
    private ForestGrower() {
    }

    /**
     * @param bins      binned features for best splits, or null for extra trees
     * @param bootstrap draw each tree's rows with replacement (as many draws as rows); otherwise every
     *                  tree sees every row
     * @param threads   worker threads (at least 1)
     */
    public static List<GrownTree> grow(TreeData data, FeatureBins bins, GrowParams params, int trees, boolean bootstrap,
                                       long seed, int threads, ProgressListener progress) {
        SplittableRandom root = new SplittableRandom(seed);
        long[] seeds = new long[trees];
        for (int t = 0; t < trees; t++) {
            seeds[t] = root.nextLong();
        }
        GrownTree[] out = new GrownTree[trees];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Runnable worker = () -> {
            TreeGrower grower = new TreeGrower(data, bins, params);
            double[] rowWeight = new double[data.rows];
            int t;
            while ((t = next.getAndIncrement()) < trees) {
                SplittableRandom rng = new SplittableRandom(seeds[t]);
                if (bootstrap) {
                    java.util.Arrays.fill(rowWeight, 0.0);
                    for (int i = 0; i < data.rows; i++) {
                        rowWeight[rng.nextInt(data.rows)] += 1.0;
                    }
                    for (int r = 0; r < data.rows; r++) {
                        rowWeight[r] *= data.weight[r];
                    }
                } else {
                    System.arraycopy(data.weight, 0, rowWeight, 0, data.rows);
                }
                out[t] = grower.grow(rowWeight, rng);
                int d = done.incrementAndGet();
                synchronized (progress) {
                    progress.update("growing trees", d, trees);
                }
            }
        };
        int n = Math.max(1, Math.min(threads, trees));
        if (n == 1) {
            worker.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
                Thread th = new Thread(r, "forja-forest");
                th.setDaemon(true);
                return th;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    futures.add(pool.submit(worker));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while growing trees", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            } finally {
                pool.shutdownNow();
            }
        }
        return List.of(out);
    }

    /**
     * The ensemble that averages the trees: for two classes the leaves hold P(positive) and the output
     * is {@code [1 - p, p]}; for more, each leaf holds the class distribution; for regression, the mean.
     */
    public static TreeEnsemble compile(List<GrownTree> trees, TreeData data, TaskKind kind) {
        int width = data.leafWidth();
        OutputTransform transform = kind == TaskKind.BINARY ? OutputTransform.COMPLEMENT : OutputTransform.IDENTITY;
        TreeEnsembleBuilder b = new TreeEnsembleBuilder(data.features, width, width, transform, new double[width],
                1.0 / trees.size(), false);
        for (GrownTree t : trees) {
            t.addTo(b);
        }
        return b.build();
    }
}
