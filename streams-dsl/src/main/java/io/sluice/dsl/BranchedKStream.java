package io.sluice.dsl;

import java.util.Map;

/**
 * Builds the branches of {@link KStream#split}. A record goes to the first branch whose predicate
 * accepts it, else to the default branch if one is added, else nowhere. The map returned at the
 * end is keyed by branch name: the split's name followed by the branch's name or its position
 * (from 1).
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface BranchedKStream<K, V> {
  /**
   * @param predicate selects this branch's records among those no earlier branch took
   * @return this builder
   */
  BranchedKStream<K, V> branch(Predicate<? super K, ? super V> predicate);

  /**
   * @param predicate selects this branch's records among those no earlier branch took
   * @param branched the branch's name and chain function or consumer
   * @return this builder
   */
  BranchedKStream<K, V> branch(Predicate<? super K, ? super V> predicate, Branched<K, V> branched);

  /** @return the branches, ending the split with a default branch for the remaining records */
  Map<String, KStream<K, V>> defaultBranch();

  /**
   * @param branched the default branch's name and chain function or consumer
   * @return the branches, ending the split with a default branch for the remaining records
   */
  Map<String, KStream<K, V>> defaultBranch(Branched<K, V> branched);

  /** @return the branches, ending the split; records no branch takes are dropped */
  Map<String, KStream<K, V>> noDefaultBranch();
}
