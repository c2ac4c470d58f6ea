package io.flotilla.flink.kinesis;

/** Waits that can be cut short: Flink wakes a fetcher up when splits change or it shuts down. */
interface Sleeper {

  void sleep(long millis);

  void wakeUp();

  /** Waits on a monitor, so {@link #wakeUp()} ends the wait at once. */
  static Sleeper monitor() {
    return new Sleeper() {
      private final Object lock = new Object();
      private boolean woken;

      @Override
      public void sleep(long millis) {
        synchronized (lock) {
          if (!woken) {
            try {
              lock.wait(millis);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          woken = false;
        }
      }

      @Override
      public void wakeUp() {
        synchronized (lock) {
          woken = true;
          lock.notifyAll();
        }
      }
    };
  }
}
