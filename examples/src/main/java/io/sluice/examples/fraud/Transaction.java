package io.sluice.examples.fraud;

/**
 * A card transaction, the value of the input topic (keyed by {@code cardId}).
 *
 * @param id the transaction's unique id
 * @param cardId the card charged
 * @param amountCents the amount charged, in cents (positive)
 * @param merchant who charged the card
 */
public record Transaction(String id, String cardId, long amountCents, String merchant) {}
