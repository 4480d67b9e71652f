package io.sluice.serdes;

import io.sluice.serdes.internals.WindowedKeyBytes;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a windowed key in one of the layouts documented on {@link WindowedSerdes}: key bytes
 * and window start (time windows), or key bytes, window end and window start (session windows).
 */
final class WindowedKeySerializer<K> implements Serializer<Windowed<K>> {
  private final Serializer<K> inner;
  private final boolean session;

  /**
   * @param inner the key serializer
   * @param session whether to write the session layout (with the window end)
   */
  WindowedKeySerializer(Serializer<K> inner, boolean session) {
    this.inner = inner;
    this.session = session;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    inner.configure(configs, isKey);
  }

  @Override
  public byte[] serialize(String topic, Windowed<K> data) {
    if (data == null) {
      return null;
    }
    byte[] key = inner.serialize(topic, data.key());
    if (key == null) {
      throw new SerializationException(
          "Cannot serialize windowed key " + data + " for topic '" + topic
              + "': the key serializer returned null, but a windowed key needs key bytes");
    }
    Window window = data.window();
    return session
        ? WindowedKeyBytes.toSessionWindowed(key, window.startMs(), window.endMs())
        : WindowedKeyBytes.toTimeWindowed(key, window.startMs());
  }

  @Override
  public void close() {
    inner.close();
  }
}
