package io.sluice.testkit.internals;

import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/** Client settings for the SASL/PLAIN listener of a test cluster. */
public final class SaslClientConfig {

  private SaslClientConfig() {}

  /** The security settings a client needs to log in as {@code user} with {@code password}. */
  public static Map<String, Object> plain(String user, String password) {
    return Map.of(
        CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, BrokerConfig.SASL,
        SaslConfigs.SASL_MECHANISM, "PLAIN",
        SaslConfigs.SASL_JAAS_CONFIG, BrokerConfig.plainJaasClientConfig(user, password));
  }
}
