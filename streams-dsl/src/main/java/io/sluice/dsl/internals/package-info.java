/**
 * How the DSL becomes a topology.
 *
 * <p>Each operator call adds one small {@code GraphNode} (source, processor, key-keeping
 * processor, sink) to the {@code InternalStreamsBuilder}'s logical graph, which links parents and
 * children and keeps creation order; nothing touches a {@code Topology} until {@code build()},
 * which writes stores and then nodes in creation order (parents always come first). Operator
 * logic lives in small processor suppliers named after the operator ({@code KStreamFilter},
 * {@code KStreamMap}, {@code KStreamBranch}, ...).
 *
 * <p>Extension points for the stateful part of the DSL: a node records whether a key change
 * happened upstream since the last source ({@code repartitionRequired}), which a key-based stateful
 * operator reads to insert a repartition node; {@code KStreamImpl} carries the serdes known for
 * keys and values so repartition topics and materialized stores can inherit them; rewrites of the
 * graph (merging repartition topics, reusing source topics as changelogs) run between the last
 * operator call and the writing of nodes in {@code buildTopology()}.
 */
package io.sluice.dsl.internals;
