/**
 * The task engine. Not a public API.
 *
 * <h2>One engine, two drivers</h2>
 *
 * <p>{@link io.sluice.runtime.internals.TaskFactory} turns the definitions of an {@link
 * io.sluice.runtime.internals.InternalTopologyBuilder} into {@link
 * io.sluice.runtime.internals.StreamTask}s: per task, fresh processors and stores, a {@link
 * io.sluice.runtime.internals.ProcessorStateManager}, a {@code TaskContext} (identity, stream time,
 * record context, punctuation schedules; it is also the stores' {@code InternalStoreContext}) and
 * a {@code PartitionGroup} of per-partition queues. A driver only feeds records in ({@code
 * addRecords}, {@code process}), fires punctuation, commits ({@code prepareCommit}, then its own
 * offset commit, then {@code postCommit}), and receives what tasks send through its {@link
 * io.sluice.runtime.internals.RecordCollector}. {@link io.sluice.runtime.internals.SyncDriver}
 * (behind the testkit) does that synchronously with in-memory topics; the Kafka runtime ({@link
 * io.sluice.runtime.internals.StreamThread}) does it with a consumer, a producer and a restore
 * consumer that feeds changelog batches to {@link
 * io.sluice.runtime.internals.ProcessorStateManager#restore} while the task is RESTORING.
 *
 * <h2>Records</h2>
 *
 * <p>Raw records wait in their partition's queue; only the head is deserialized (by its source's
 * deserializers) and stamped (by its extractor), so timestamp synchronisation can compare heads.
 * A record then flows depth-first through the nodes. Each child gets its own copy of the headers.
 * Failures in deserialization and timestamp extraction go to the deserialization handler,
 * processor exceptions to the processing handler; CONTINUE counts the record as dropped.
 *
 * <h2>Caches</h2>
 *
 * <p>A driver gives every task it runs the record cache of its thread ({@code ThreadCache}, sized
 * by {@code statestore.cache.max.bytes}; the Kafka runtime splits that budget across its threads
 * and resizes the caches when threads come or go). Stores built with caching keep their writes
 * there until {@code prepareCommit} flushes the task's stores in topological order of the
 * processors that own them, so updates an upstream cache forwards reach downstream caches before
 * those are flushed. A dirty close drops the task's unflushed cache entries.
 *
 * <h2>Time</h2>
 *
 * <p>Stream time is the largest timestamp a task processed. Stream-time schedules start at 0 and
 * wall-clock schedules one interval after they are made; each fires at most once per check, then
 * moves to the next interval boundary after the current time.
 */
package io.sluice.runtime.internals;
