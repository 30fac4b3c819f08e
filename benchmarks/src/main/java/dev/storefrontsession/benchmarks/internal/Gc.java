package dev.storefrontsession.benchmarks.internal;

import java.lang.management.ManagementFactory;

/** Heap measurement after full collections. */
public final class Gc {

  private Gc() {}

  /**
   * Used heap in bytes after {@code System.gc()} three times (with a short pause for concurrent
   * cleanup).
   */
  public static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
