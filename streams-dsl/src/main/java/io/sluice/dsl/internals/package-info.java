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
 *
 * <p>Tables: a table operator's processor forwards {@code Change}s (old and new value; old values
 * only once a downstream operator asked through {@code enableSendingOldValues}) and is a
 * {@code TableOperator}, which gives {@code KTableValueGetter}s of its rows (its own store, or its
 * parent's re-applied). Its store, if it has one, is made by {@code MaterializedInternal} when the
 * topology is written, from the build settings ({@code default.dsl.store}, a zero-byte
 * {@code statestore.cache.max.bytes} disables caching), wrapped in a {@code TableStore} so that a
 * cache flush forwards each update with the headers of the write that made it
 * ({@code TableForwarder}). Repartition topics ({@code Repartitions}, {@code RepartitionNode}) are
 * a null-key filter, a sink and a source, declared as internal topics.
 */
package io.sluice.dsl.internals;
