package io.sluice.dsl.internals;

import io.sluice.dsl.Branched;
import io.sluice.dsl.BranchedKStream;
import io.sluice.dsl.KStream;
import io.sluice.dsl.Predicate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects the branches of one split. The split node is added to the graph when the split starts,
 * so each branch's pass-through child comes after it; the branch processor copies the predicate
 * and child lists when the topology creates it, after the split is complete.
 */
final class BranchedKStreamImpl<K, V> implements BranchedKStream<K, V> {
  private final KStreamImpl<K, V> source;
  private final String splitName;
  private final List<Predicate<? super K, ? super V>> predicates = new ArrayList<>();
  private final List<String> childNames = new ArrayList<>();
  private final Map<String, KStream<K, V>> branches = new LinkedHashMap<>();
  private final GraphNode splitNode;
  private boolean ended;

  BranchedKStreamImpl(KStreamImpl<K, V> source, String splitName) {
    this.source = source;
    this.splitName = splitName;
    this.splitNode = new FixedKeyProcessorNode<>(splitName, List.of(source.node()),
        new KStreamBranch<>(predicates, childNames), List.of());
    source.addNode(splitNode);
  }

  @Override
  public BranchedKStream<K, V> branch(Predicate<? super K, ? super V> predicate) {
    return branch(predicate, Branched.defaults());
  }

  @Override
  public BranchedKStream<K, V> branch(
      Predicate<? super K, ? super V> predicate, Branched<K, V> branched) {
    Objects.requireNonNull(predicate, "split().branch: predicate must not be null");
    Objects.requireNonNull(branched, "split().branch: branched must not be null");
    checkOpen();
    predicates.add(predicate);
    addBranch(branched);
    return this;
  }

  @Override
  public Map<String, KStream<K, V>> defaultBranch() {
    return defaultBranch(Branched.defaults());
  }

  @Override
  public Map<String, KStream<K, V>> defaultBranch(Branched<K, V> branched) {
    Objects.requireNonNull(branched, "split().defaultBranch: branched must not be null");
    checkOpen();
    addBranch(branched);
    return noDefaultBranch();
  }

  @Override
  public Map<String, KStream<K, V>> noDefaultBranch() {
    ended = true;
    return new LinkedHashMap<>(branches);
  }

  private void checkOpen() {
    if (ended) {
      throw new IllegalStateException("split '" + splitName + "' already ended with"
          + " defaultBranch() or noDefaultBranch(); add branches before ending it");
    }
  }

  private void addBranch(Branched<K, V> branched) {
    String suffix =
        branched.name() != null ? branched.name() : String.valueOf(childNames.size() + 1);
    String childName = splitName + suffix;
    childNames.add(childName);
    KStreamImpl<K, V> branch = source.branchChild(splitNode, childName);
    if (branched.chainFunction() != null) {
      KStream<K, V> chained = branched.chainFunction().apply(branch);
      if (chained != null) {
        branches.put(childName, chained);
      }
    } else if (branched.chainConsumer() != null) {
      branched.chainConsumer().accept(branch);
    } else {
      branches.put(childName, branch);
    }
  }
}
