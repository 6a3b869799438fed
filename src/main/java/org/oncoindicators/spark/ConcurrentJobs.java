package org.oncoindicators.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs independent Spark actions from a few driver threads at once and returns their results in
 * the order of the inputs. Why: a small Spark job (a count, a fingerprint, one indicator's pass) is
 * mostly the driver's planning and Delta's file listing, so one after another leaves the cores
 * idle; a handful of submitting threads keeps them busy. A job's exception is rethrown as it is (a
 * {@code ConfigError} keeps its message), and the jobs not yet started are cancelled.
 */
public final class ConcurrentJobs {
  private ConcurrentJobs() {}

  /**
   * {@code job} applied to every item, at most {@code threads} at a time.
   *
   * @param what what the jobs do, for the message if the waiting thread is interrupted
   */
  public static <T, R> List<R> map(List<T> items, int threads, String what, Function<? super T, ? extends R> job) {
    if (items.isEmpty()) {
      return List.of();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, items.size())));
    try {
      List<Future<? extends R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> job.apply(item)));
      }
      List<R> results = new ArrayList<>(items.size());
      for (Future<? extends R> f : futures) {
        results.add(f.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + what, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(what + " failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
