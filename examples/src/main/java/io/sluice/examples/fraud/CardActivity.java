package io.sluice.examples.fraud;

/**
 * The activity of one card in one window: how many transactions and their total.
 *
 * @param count the number of transactions
 * @param totalCents the sum of their amounts, in cents
 */
public record CardActivity(long count, long totalCents) {

  /** @return the activity of a window without transactions */
  public static CardActivity empty() {
    return new CardActivity(0, 0);
  }

  /**
   * @param transaction a transaction of the card in the window
   * @return this activity with {@code transaction} added
   */
  public CardActivity add(Transaction transaction) {
    return new CardActivity(count + 1, totalCents + transaction.amountCents());
  }
}
