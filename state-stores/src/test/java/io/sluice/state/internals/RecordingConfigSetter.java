package io.sluice.state.internals;

import io.sluice.state.RocksDBConfigSetter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.rocksdb.Options;

/** A config setter for tests: records its calls and changes one option visibly. */
public final class RecordingConfigSetter implements RocksDBConfigSetter {

  /** Calls in order, as {@code "set:<store>"} and {@code "close:<store>"}. */
  static final List<String> CALLS = new CopyOnWriteArrayList<>();

  /** The write buffer size the setter applies, so tests can see it took effect. */
  static final long WRITE_BUFFER_SIZE = 3L * 1024 * 1024;

  /** Needed for instantiation by class name. */
  public RecordingConfigSetter() {}

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    CALLS.add("set:" + storeName + ":" + configs.get("marker"));
    options.setWriteBufferSize(WRITE_BUFFER_SIZE);
  }

  @Override
  public void close(String storeName, Options options) {
    CALLS.add("close:" + storeName);
  }
}
