package io.sluice.examples.enrichment;

/**
 * An order, the value of the orders topic (keyed by {@code customerId}, so that it meets its
 * customer in the same partition).
 *
 * @param orderId the order's id
 * @param customerId who ordered
 * @param productId what was ordered
 * @param quantity how many units
 */
public record Order(String orderId, String customerId, String productId, int quantity) {}
