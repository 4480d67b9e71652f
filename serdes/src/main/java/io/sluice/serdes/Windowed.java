package io.sluice.serdes;

import java.util.Objects;

/**
 * A key together with the window it was aggregated in: the key type of windowed aggregation
 * results and of window and session store iterators.
 *
 * @param key the record key; may be {@code null} only where the operator allows null keys
 * @param window the window; never {@code null}
 * @param <K> the key type
 */
public record Windowed<K>(K key, Window window) {

  /** @throws NullPointerException if {@code window} is null */
  public Windowed {
    Objects.requireNonNull(window, "window");
  }

  @Override
  public String toString() {
    return "[" + key + "@" + window.startMs() + "/" + window.endMs() + "]";
  }
}
