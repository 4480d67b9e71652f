package io.sluice.serdes;

import io.sluice.serdes.internals.FormatChecks;
import io.sluice.serdes.internals.WindowedKeyBytes;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a windowed key in one of the layouts documented on {@link WindowedSerdes}. A time window's
 * end is its start plus the window size, capped at {@link Long#MAX_VALUE}.
 */
final class WindowedKeyDeserializer<K> implements Deserializer<Windowed<K>> {
  private final Deserializer<K> inner;
  private final boolean session;
  private final long windowSizeMs;

  private WindowedKeyDeserializer(Deserializer<K> inner, boolean session, long windowSizeMs) {
    this.inner = inner;
    this.session = session;
    this.windowSizeMs = windowSizeMs;
  }

  /** A reader of time-windowed keys whose windows are {@code windowSizeMs} long (positive). */
  static <K> WindowedKeyDeserializer<K> timeWindowed(Deserializer<K> inner, long windowSizeMs) {
    return new WindowedKeyDeserializer<>(inner, false, windowSizeMs);
  }

  /** A reader of session-windowed keys. */
  static <K> WindowedKeyDeserializer<K> sessionWindowed(Deserializer<K> inner) {
    return new WindowedKeyDeserializer<>(inner, true, 0);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    inner.configure(configs, isKey);
  }

  @Override
  public Windowed<K> deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    String format = session ? "session-windowed key" : "time-windowed key";
    int suffix =
        session ? WindowedKeyBytes.SESSION_SUFFIX_BYTES : WindowedKeyBytes.TIME_SUFFIX_BYTES;
    FormatChecks.requireLength(data, suffix, format, topic);
    long start;
    long end;
    if (session) {
      start = WindowedKeyBytes.sessionWindowStart(data);
      end = WindowedKeyBytes.sessionWindowEnd(data);
    } else {
      start = WindowedKeyBytes.timeWindowStart(data);
      end = start > Long.MAX_VALUE - windowSizeMs ? Long.MAX_VALUE : start + windowSizeMs;
    }
    if (start < 0 || end < start) {
      throw new SerializationException(
          "Cannot read " + format + FormatChecks.where(topic) + ": window [" + start + ", " + end
              + "] is invalid; the start must be >= 0 and the end not before it (payload "
              + FormatChecks.describe(data) + ")");
    }
    K key = inner.deserialize(topic, WindowedKeyBytes.keyBytes(data, suffix));
    return new Windowed<>(key, new Window(start, end));
  }

  @Override
  public void close() {
    inner.close();
  }
}
