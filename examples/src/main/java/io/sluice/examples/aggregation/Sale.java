package io.sluice.examples.aggregation;

/**
 * One sale, the value of the input topic {@value CategoryTotalsTopology#SALES} (the key is not
 * used; the topology re-keys by category).
 *
 * @param category the product category sold
 * @param amount the amount of the sale, in cents
 */
public record Sale(String category, long amount) {}
