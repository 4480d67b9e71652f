package io.sluice.state.internals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequencedWindowStoreTest {
  @Test
  void sequenceNumbersStayPositiveWhenTheyWrap() {
    assertThat(SequencedWindowStore.next(0)).isEqualTo(1);
    assertThat(SequencedWindowStore.next(41)).isEqualTo(42);
    assertThat(SequencedWindowStore.next(Integer.MAX_VALUE)).isEqualTo(1);
  }
}
