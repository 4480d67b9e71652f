package io.sluice.dsl;

import io.sluice.serdes.Window;
import java.util.Map;

/**
 * Fixed-size windows over event time, as used by {@link KGroupedStream#windowedBy(TimeWindows)}:
 * which windows a timestamp falls into, how large they are and how long after their end they accept
 * late records. A window includes its start and excludes its end.
 */
public abstract class Windows {
  /** For subclasses in this package. */
  Windows() {}

  /**
   * @param timestamp a record's timestamp, epoch milliseconds, not negative
   * @return the windows that contain {@code timestamp}, by start time (epoch ms) in ascending order
   */
  public abstract Map<Long, Window> windowsFor(long timestamp);

  /** @return the size of each window, milliseconds */
  public abstract long size();

  /**
   * @return how long after a window's end it still accepts records, in stream-time milliseconds; a
   *     window is closed once stream time reaches its end plus this grace period
   */
  public abstract long gracePeriodMs();
}
