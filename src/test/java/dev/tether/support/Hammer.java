package dev.tether.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs the same step from several threads at once, started together, and counts the steps that succeeded. */
public final class Hammer {

    private Hammer() {
    }

    public static int run(int threads, int stepsPerThread, Callable<Boolean> step) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                start.await();
                int successes = 0;
                for (int i = 0; i < stepsPerThread; i++) {
                    if (step.call()) {
                        successes++;
                    }
                }
                return successes;
            }));
        }
        start.countDown();
        pool.shutdown();
        if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            throw new AssertionError("the threads did not finish");
        }
        int total = 0;
        for (Future<Integer> result : results) {
            try {
                total += result.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new AssertionError("a step failed unexpectedly", e.getCause());
            }
        }
        return total;
    }
}
