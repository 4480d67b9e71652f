package io.sluice.runtime.internals;

import java.util.HashMap;
import java.util.Map;

/** Disjoint sets of names, for grouping nodes into sub-topologies. */
final class UnionFind {
  private final Map<String, String> parent = new HashMap<>();

  void add(String name) {
    parent.putIfAbsent(name, name);
  }

  String find(String name) {
    add(name);
    String root = name;
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    String current = name;
    while (!current.equals(root)) {
      String next = parent.get(current);
      parent.put(current, root);
      current = next;
    }
    return root;
  }

  void union(String a, String b) {
    String rootA = find(a);
    String rootB = find(b);
    if (!rootA.equals(rootB)) {
      parent.put(rootB, rootA);
    }
  }
}
