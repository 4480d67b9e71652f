package io.sluice.examples.enrichment;

/**
 * A product, the value of the products topic (keyed by {@code productId}).
 *
 * @param productId the product's id
 * @param name the product's name
 * @param priceCents the unit price, in cents
 */
public record Product(String productId, String name, long priceCents) {}
