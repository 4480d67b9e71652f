package io.sluice.state.internals;

import java.util.NavigableMap;
import org.apache.kafka.common.utils.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Slicing of maps ordered by {@link Bytes} (unsigned lexicographic order). */
final class KeyRanges {

  private static final Logger LOG = LoggerFactory.getLogger(KeyRanges.class);

  private KeyRanges() {}

  /**
   * Whether {@code [from, to]} is a valid range; logs a warning naming the store if it is not (its
   * lower bound sorts after its upper bound), in which case the caller returns nothing.
   */
  static boolean valid(String storeName, Bytes from, Bytes to) {
    if (from != null && to != null && from.compareTo(to) > 0) {
      LOG.warn(
          "Range query on store {} has a lower bound {} that sorts after its upper bound {}"
              + " (keys compare as unsigned serialized bytes); it returns no entries.",
          storeName,
          from,
          to);
      return false;
    }
    return true;
  }

  /** The entries of {@code map} with keys in {@code [from, to]}; {@code null} = unbounded. */
  static <V> NavigableMap<Bytes, V> slice(NavigableMap<Bytes, V> map, Bytes from, Bytes to) {
    NavigableMap<Bytes, V> result = map;
    if (from != null) {
      result = result.tailMap(from, true);
    }
    if (to != null) {
      result = result.headMap(to, true);
    }
    return result;
  }

  /** The entries of {@code map} whose keys start with {@code prefix}. */
  static <V> NavigableMap<Bytes, V> prefix(NavigableMap<Bytes, V> map, Bytes prefix) {
    Bytes upper = successor(prefix.get());
    NavigableMap<Bytes, V> tail = map.tailMap(prefix, true);
    return upper == null ? tail : tail.headMap(upper, false);
  }

  /**
   * The smallest key greater than every key starting with {@code prefix}, or {@code null} if there
   * is none (the prefix is empty or all 0xFF).
   */
  static Bytes successor(byte[] prefix) {
    for (int i = prefix.length - 1; i >= 0; i--) {
      if (prefix[i] != (byte) 0xFF) {
        byte[] upper = java.util.Arrays.copyOf(prefix, i + 1);
        upper[i]++;
        return Bytes.wrap(upper);
      }
    }
    return null;
  }
}
