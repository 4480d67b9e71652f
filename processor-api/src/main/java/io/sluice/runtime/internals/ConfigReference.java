package io.sluice.runtime.internals;

import io.sluice.runtime.StreamsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

/**
 * Writes the configuration reference ({@code docs/configuration.md}) from {@link
 * StreamsConfig#configDef()}, so the documentation cannot drift from the definitions: settings
 * grouped by importance, each with its type, default, valid values and description.
 */
public final class ConfigReference {
  private ConfigReference() {}

  /**
   * @param args one argument: the file to write
   * @throws IOException if the file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("Usage: ConfigReference <output file>");
    }
    Files.writeString(Path.of(args[0]), markdown(StreamsConfig.configDef()));
  }

  /**
   * @param definition the settings to describe
   * @return the reference as Markdown
   */
  public static String markdown(ConfigDef definition) {
    StringBuilder out = new StringBuilder()
        .append("# Configuration reference\n\n")
        .append("Generated from `StreamsConfig.configDef()` by `ConfigReference`; do not edit by"
            + " hand (`ConfigReferenceTest` fails when this file and the definitions differ, and"
            + " rewrites it when run with `-Dsluice.docs.update=true`).\n\n")
        .append("Client settings pass through to Kafka's clients with the prefixes `consumer.`,"
            + " `main.consumer.`, `restore.consumer.`, `global.consumer.`, `producer.` and"
            + " `admin.`; unprefixed client settings (security, for example) reach every"
            + " client. Internal topic settings take the `topic.` prefix.\n");
    for (ConfigDef.Importance importance : ConfigDef.Importance.values()) {
      List<ConfigDef.ConfigKey> keys = new ArrayList<>();
      for (ConfigDef.ConfigKey key : definition.configKeys().values()) {
        if (key.importance == importance) {
          keys.add(key);
        }
      }
      if (keys.isEmpty()) {
        continue;
      }
      keys.sort(Comparator.comparing(key -> key.name));
      out.append("\n## ").append(title(importance)).append(" importance\n");
      for (ConfigDef.ConfigKey key : keys) {
        out.append("\n### `").append(key.name).append("`\n\n")
            .append(key.documentation == null ? "" : key.documentation.trim()).append("\n\n")
            .append("- Type: ").append(key.type.toString().toLowerCase(java.util.Locale.ROOT))
            .append('\n')
            .append("- Default: ").append(defaultOf(key)).append('\n');
        if (key.validator != null) {
          out.append("- Valid values: ").append(escape(key.validator.toString())).append('\n');
        }
      }
    }
    return out.toString();
  }

  private static String title(ConfigDef.Importance importance) {
    String name = importance.name().toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static String defaultOf(ConfigDef.ConfigKey key) {
    if (!key.hasDefault()) {
      return "none (required)";
    }
    Object value = key.defaultValue;
    if (value == null) {
      return "null";
    }
    if (value instanceof Password) {
      return "(hidden)";
    }
    if (value instanceof Class<?> type) {
      return "`" + type.getName() + "`";
    }
    String text = value instanceof List<?> list
        ? String.join(",", list.stream().map(String::valueOf).toList()) : value.toString();
    return text.isEmpty() ? "\"\"" : "`" + text + "`";
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }
}
