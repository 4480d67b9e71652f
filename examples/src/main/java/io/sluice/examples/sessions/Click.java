package io.sluice.examples.sessions;

/**
 * A click of a user, the value of the input topic (keyed by {@code userId}); its time is the
 * record's timestamp.
 *
 * @param userId who clicked
 * @param page the page clicked on
 */
public record Click(String userId, String page) {}
