package io.sluice.examples.sessions;

/**
 * One closed session of a user, the value of the output topic (keyed by {@code userId}).
 *
 * @param userId the user
 * @param startMs the time of the session's first click, epoch milliseconds
 * @param endMs the time of its last click, epoch milliseconds
 * @param eventCount how many clicks it holds
 */
public record SessionSummary(String userId, long startMs, long endMs, long eventCount) {}
