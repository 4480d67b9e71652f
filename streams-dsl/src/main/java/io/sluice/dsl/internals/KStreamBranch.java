package io.sluice.dsl.internals;

import io.sluice.dsl.Predicate;
import io.sluice.processor.FixedKeyProcessor;
import io.sluice.processor.FixedKeyProcessorSupplier;
import io.sluice.processor.FixedKeyRecord;
import java.util.List;

/**
 * split: forwards each record to the child of the first predicate that accepts it; when none does,
 * to the default child if there is one (one child more than predicates), else nowhere. The lists
 * are owned by the {@code BranchedKStream} and grow while branches are added, before any
 * processor is created.
 */
final class KStreamBranch<K, V> implements FixedKeyProcessorSupplier<K, V, V> {
  private final List<Predicate<? super K, ? super V>> predicates;
  private final List<String> childNames;

  KStreamBranch(List<Predicate<? super K, ? super V>> predicates, List<String> childNames) {
    this.predicates = predicates;
    this.childNames = childNames;
  }

  @Override
  public FixedKeyProcessor<K, V, V> get() {
    List<Predicate<? super K, ? super V>> tests = List.copyOf(predicates);
    List<String> children = List.copyOf(childNames);
    return new FixedKeyForwarder<>() {
      @Override
      public void process(FixedKeyRecord<K, V> record) {
        for (int i = 0; i < tests.size(); i++) {
          if (tests.get(i).test(record.key(), record.value())) {
            context().forward(record, children.get(i));
            return;
          }
        }
        if (children.size() > tests.size()) {
          context().forward(record, children.get(tests.size()));
        }
      }
    };
  }
}
