package io.sluice.runtime.internals;

import io.sluice.state.StateRestoreListener;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance's restore listener: passes every event to the user's listener (set with {@code
 * StreamsApp.setGlobalStateRestoreListener}) and logs restoration progress at INFO, at most one
 * line per store and changelog partition every {@code intervalMs} (start, progress with the
 * records restored and those remaining, end; lines within the interval go to DEBUG, so standbys
 * catching up every few seconds do not flood the log). Shared by the stream threads; thread-safe. A failing
 * user listener is logged and does not stop restoration.
 */
public final class RestoreProgressLog implements StateRestoreListener {
  private static final Logger LOG = LoggerFactory.getLogger(RestoreProgressLog.class);

  private final Time time;
  private final long intervalMs;
  private final Map<TopicPartition, Progress> progress = new ConcurrentHashMap<>();
  private final Map<TopicPartition, Long> lastLineMs = new ConcurrentHashMap<>();
  private volatile StateRestoreListener user = StateRestoreListener.NO_OP;

  private static final class Progress {
    final long start;
    final long end;
    long restored;
    long position;

    Progress(long start, long end) {
      this.start = start;
      this.end = end;
      this.position = start;
    }
  }

  /** @param intervalMs the least time between two progress lines of one store partition */
  public RestoreProgressLog(Time time, long intervalMs) {
    this.time = time;
    this.intervalMs = intervalMs;
  }

  /** Sets the user's listener ({@link StateRestoreListener#NO_OP} for none). */
  public void setUserListener(StateRestoreListener listener) {
    this.user = Objects.requireNonNull(listener, "listener");
  }

  /** Logs at INFO if no line of {@code changelog} was in the last interval, else at DEBUG. */
  private void log(TopicPartition changelog, String format, Object... args) {
    long now = time.milliseconds();
    Long last = lastLineMs.get(changelog);
    if (last == null || now - last >= intervalMs) {
      lastLineMs.put(changelog, now);
      LOG.info(format, args);
    } else if (LOG.isDebugEnabled()) {
      LOG.debug(format, args);
    }
  }

  @Override
  public void onRestoreStart(TopicPartition changelog, String storeName, long startOffset,
      long endOffset) {
    progress.put(changelog, new Progress(startOffset, endOffset));
    log(changelog, "Restoring store {} from {}: offsets {} to {} ({} records at most)", storeName,
        changelog, startOffset, endOffset, Math.max(0, endOffset - startOffset));
    try {
      user.onRestoreStart(changelog, storeName, startOffset, endOffset);
    } catch (RuntimeException e) {
      LOG.warn("The user's restore listener failed on the start of {}", changelog, e);
    }
  }

  @Override
  public void onBatchRestored(TopicPartition changelog, String storeName, long batchEndOffset,
      long numRestored) {
    Progress p = progress.get(changelog);
    if (p != null) {
      p.restored += numRestored;
      p.position = batchEndOffset + 1;
      log(changelog, "Restoring store {} from {}: {} records restored, about {} remaining",
          storeName, changelog, p.restored, Math.max(0, p.end - p.position));
    }
    try {
      user.onBatchRestored(changelog, storeName, batchEndOffset, numRestored);
    } catch (RuntimeException e) {
      LOG.warn("The user's restore listener failed on a batch of {}", changelog, e);
    }
  }

  @Override
  public void onRestoreEnd(TopicPartition changelog, String storeName, long totalRestored) {
    Progress p = progress.remove(changelog);
    log(changelog, "Restored store {} from {}: {} records{}", storeName, changelog, totalRestored,
        p == null ? "" : " (offsets " + p.start + " to " + p.end + ")");
    try {
      user.onRestoreEnd(changelog, storeName, totalRestored);
    } catch (RuntimeException e) {
      LOG.warn("The user's restore listener failed on the end of {}", changelog, e);
    }
  }
}
