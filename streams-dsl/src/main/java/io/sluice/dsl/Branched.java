package io.sluice.dsl;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One branch of {@link KStream#split}: its name suffix and, optionally, what to do with the branch
 * stream. With a function, the function's result (when not {@code null}) is the map entry; with a
 * consumer, the branch is handed to the consumer and left out of the map; with neither, the branch
 * stream itself is the entry.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class Branched<K, V> {
  private final String name;
  private final Function<? super KStream<K, V>, ? extends KStream<K, V>> chainFunction;
  private final Consumer<? super KStream<K, V>> chainConsumer;

  private Branched(String name, Function<? super KStream<K, V>, ? extends KStream<K, V>> function,
      Consumer<? super KStream<K, V>> consumer) {
    this.name = name;
    this.chainFunction = function;
    this.chainConsumer = consumer;
  }

  /**
   * @param <K> key type
   * @param <V> value type
   * @return a branch named by its position (1, 2, ...) and put in the map as is
   */
  public static <K, V> Branched<K, V> defaults() {
    return new Branched<>(null, null, null);
  }

  /**
   * @param name the branch's suffix after the split's name (see {@link Named#as})
   * @param <K> key type
   * @param <V> value type
   * @return a named branch
   */
  public static <K, V> Branched<K, V> as(String name) {
    return new Branched<>(Named.validate(name), null, null);
  }

  /**
   * @param function applied to the branch stream; its non-null result is the map entry
   * @param <K> key type
   * @param <V> value type
   * @return a branch chained through {@code function}
   * @throws NullPointerException if {@code function} is null
   */
  public static <K, V> Branched<K, V> withFunction(
      Function<? super KStream<K, V>, ? extends KStream<K, V>> function) {
    return new Branched<>(null, Objects.requireNonNull(function, "Branched function"), null);
  }

  /**
   * @param consumer handed the branch stream, which is then left out of the map
   * @param <K> key type
   * @param <V> value type
   * @return a branch handed to {@code consumer}
   * @throws NullPointerException if {@code consumer} is null
   */
  public static <K, V> Branched<K, V> withConsumer(Consumer<? super KStream<K, V>> consumer) {
    return new Branched<>(null, null, Objects.requireNonNull(consumer, "Branched consumer"));
  }

  /**
   * @param branchName the branch's suffix after the split's name (see {@link Named#as})
   * @return a copy with this name
   */
  public Branched<K, V> withName(String branchName) {
    return new Branched<>(Named.validate(branchName), chainFunction, chainConsumer);
  }

  /** @return the branch name suffix, or {@code null} for the branch's position */
  public String name() {
    return name;
  }

  /** @return the chain function, or {@code null} */
  public Function<? super KStream<K, V>, ? extends KStream<K, V>> chainFunction() {
    return chainFunction;
  }

  /** @return the chain consumer, or {@code null} */
  public Consumer<? super KStream<K, V>> chainConsumer() {
    return chainConsumer;
  }
}
