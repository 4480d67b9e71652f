package io.sluice.dsl;

/**
 * When a windowed aggregation emits: after every update of a window ({@link #onWindowUpdate()},
 * the default, subject to caching), or once per window with its final result when the window
 * closes ({@link #onWindowClose()}: stream time reached the window's end plus grace).
 */
public enum EmitStrategy {
  /** Emit each update of a window's aggregate. */
  ON_WINDOW_UPDATE,
  /** Emit one final result per window when it closes. */
  ON_WINDOW_CLOSE;

  /** @return {@link #ON_WINDOW_UPDATE} */
  public static EmitStrategy onWindowUpdate() {
    return ON_WINDOW_UPDATE;
  }

  /** @return {@link #ON_WINDOW_CLOSE} */
  public static EmitStrategy onWindowClose() {
    return ON_WINDOW_CLOSE;
  }
}
