package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApplicationResetTest {
  private final ApplicationReset reset = ApplicationReset.forApplication("app");

  @Test
  void internalTopicsAreTheApplicationsRepartitionChangelogAndForeignKeyTopics() {
    assertThat(reset.isInternal("app-counts-changelog")).isTrue();
    assertThat(reset.isInternal("app-KSTREAM-AGGREGATE-0000000003-repartition")).isTrue();
    assertThat(reset.isInternal(
        "app-KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-0000000006-topic")).isTrue();
    assertThat(reset.isInternal("app-orders-subscription-response-topic")).isTrue();
  }

  @Test
  void userTopicsAndOtherApplicationsTopicsAreKept() {
    assertThat(reset.isInternal("app-input")).isFalse();
    assertThat(reset.isInternal("app-some-topic")).isFalse();
    assertThat(reset.isInternal("other-counts-changelog")).isFalse();
    assertThat(reset.isInternal("application-counts-changelog")).isFalse();
    assertThat(reset.isInternal("counts-changelog")).isFalse();
  }

  @Test
  void aBlankApplicationIdIsRejected() {
    assertThatThrownBy(() -> ApplicationReset.forApplication(" "))
        .hasMessageContaining("application.id");
  }
}
