package io.sluice.examples.dedup;

/**
 * An event as an at-least-once producer may send it several times, the value of the input topic
 * (keyed by {@code userId}).
 *
 * @param eventId the id every copy of the event shares
 * @param userId the user the event is about
 * @param type what happened
 */
public record Event(String eventId, String userId, String type) {}
