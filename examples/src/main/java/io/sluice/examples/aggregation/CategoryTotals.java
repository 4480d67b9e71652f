package io.sluice.examples.aggregation;

/**
 * The running totals of one category: how many sales so far and their summed amount.
 *
 * @param count the number of sales
 * @param sum the sum of their amounts, in cents
 */
public record CategoryTotals(long count, long sum) {

  /** @return the totals of a category without sales */
  public static CategoryTotals empty() {
    return new CategoryTotals(0, 0);
  }

  /**
   * @param sale a sale of the category
   * @return these totals with {@code sale} added
   */
  public CategoryTotals add(Sale sale) {
    return new CategoryTotals(count + 1, sum + sale.amount());
  }
}
