package io.sluice.examples.enrichment;

/**
 * A customer, the value of the customers topic (keyed by {@code customerId}; a null value deletes
 * the customer).
 *
 * @param customerId the customer's id
 * @param name the customer's name
 * @param tier the customer's loyalty tier, e.g. {@code gold}
 */
public record Customer(String customerId, String name, String tier) {}
