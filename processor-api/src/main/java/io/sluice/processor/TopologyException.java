package io.sluice.processor;

/**
 * A topology is wrong: a node, a store or a topic is used in a way that cannot work. The message
 * names the node and says how to fix it.
 */
public class TopologyException extends RuntimeException {
  /** @param message what is wrong, naming the node, and the fix */
  public TopologyException(String message) {
    super(message);
  }
}
