package org.evergreen;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Races for the concurrency tests: every attempt starts at the same moment, each on a thread of its own. */
public final class Together {

    @FunctionalInterface
    public interface Attempt<T> {
        T run(int index) throws Exception;
    }

    private Together() {
    }

    /** Runs {@code attempts} attempts at once; returns their non-null answers and rethrows the first failure. */
    public static <T> List<T> race(int attempts, Attempt<T> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                int index = i;
                futures.add(pool.submit((Callable<T>) () -> {
                    start.await();
                    return attempt.run(index);
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                T answer = future.get(2, TimeUnit.MINUTES);
                if (answer != null) {
                    answers.add(answer);
                }
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
