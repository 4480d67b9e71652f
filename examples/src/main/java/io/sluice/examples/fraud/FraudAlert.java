package io.sluice.examples.fraud;

/**
 * A suspicious window of a card, the value of the alerts topic (keyed by {@code cardId}).
 *
 * @param cardId the card
 * @param windowStartMs the window's start, epoch milliseconds (inclusive)
 * @param windowEndMs the window's end, epoch milliseconds (exclusive)
 * @param count the number of transactions in the window
 * @param totalCents their total amount, in cents
 */
public record FraudAlert(
    String cardId, long windowStartMs, long windowEndMs, long count, long totalCents) {}
