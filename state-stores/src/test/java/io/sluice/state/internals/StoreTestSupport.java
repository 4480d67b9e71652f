package io.sluice.state.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Generators and helpers shared by the store tests. */
final class StoreTestSupport {

  private static final HexFormat HEX = HexFormat.of();

  private StoreTestSupport() {}

  /**
   * Short byte strings over an alphabet that includes bytes {@code >= 0x80}, so unsigned order
   * differs from signed order; empty keys and keys that prefix others come up often.
   */
  static Arbitrary<byte[]> keys(int maxLength) {
    return Arbitraries.of((byte) 0x00, (byte) 0x01, (byte) 0x7f, (byte) 0x80, (byte) 0xff)
        .list()
        .ofMaxSize(maxLength)
        .map(StoreTestSupport::toArray);
  }

  /** Small values, sometimes {@code null}. */
  static Arbitrary<byte[]> values() {
    return Arbitraries.bytes()
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .map(StoreTestSupport::toArray)
        .injectNull(0.15);
  }

  static byte[] toArray(List<Byte> bytes) {
    byte[] array = new byte[bytes.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = bytes.get(i);
    }
    return array;
  }

  static String hex(byte[] bytes) {
    return bytes == null ? "null" : "[" + HEX.formatHex(bytes) + "]";
  }

  static int compareUnsigned(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  /**
   * Drains and closes {@code it}, peeking each key before taking its entry (and checking the peek
   * agrees), rendering entries with {@code render}.
   */
  static <K, V> List<String> drain(
      KeyValueIterator<K, V> it, Function<KeyValue<K, V>, String> render) {
    List<String> out = new ArrayList<>();
    try (it) {
      while (it.hasNext()) {
        K peeked = it.peekNextKey();
        KeyValue<K, V> next = it.next();
        assertThat(render.apply(new KeyValue<>(peeked, next.value())))
            .isEqualTo(render.apply(next));
        out.add(render.apply(next));
      }
    }
    return out;
  }
}
