package io.sluice.examples.enrichment;

/**
 * An order with its customer and product as they were when the order was processed, the value of
 * the output topic (keyed by {@code customerId}).
 *
 * @param order the order
 * @param customer the customer, or {@code null} if unknown
 * @param product the product, or {@code null} if unknown
 * @param totalCents quantity times unit price, or {@code null} if the product is unknown
 */
public record EnrichedOrder(Order order, Customer customer, Product product, Long totalCents) {

  /**
   * @param order the order
   * @param customer its customer, or {@code null}
   * @return the order with its customer, without product yet
   */
  static EnrichedOrder withCustomer(Order order, Customer customer) {
    return new EnrichedOrder(order, customer, null, null);
  }

  /**
   * @param found the product, or {@code null}
   * @return this order with {@code found} and the total it implies
   */
  EnrichedOrder withProduct(Product found) {
    return new EnrichedOrder(order, customer, found,
        found == null ? null : found.priceCents() * order.quantity());
  }
}
