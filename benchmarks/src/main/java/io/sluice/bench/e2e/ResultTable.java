package io.sluice.bench.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Medians per workload, guarantee and system, with the ratios the targets are stated in: Sluice
 * against the plain loop and against Kafka Streams (throughput, CPU per record, peak RSS), and
 * exactly-once against at-least-once.
 */
final class ResultTable {
  private final List<RunResult> results;

  ResultTable(List<RunResult> results) {
    this.results = List.copyOf(results);
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int n = sorted.size();
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  double median(Mode mode, boolean exactlyOnce, SystemUnderTest system,
      ToDoubleFunction<RunResult> metric) {
    List<Double> values = new ArrayList<>();
    for (RunResult r : results) {
      if (r.mode() == mode && r.exactlyOnce() == exactlyOnce && r.system() == system) {
        values.add(metric.applyAsDouble(r));
      }
    }
    return median(values);
  }

  /** @return a Markdown table, one row per workload and guarantee */
  String toMarkdown() {
    StringBuilder out = new StringBuilder();
    out.append("| mode | guarantee | Sluice rec/s | plain rec/s | Kafka Streams rec/s"
        + " | Sluice/plain | Sluice/KS | Sluice µs CPU/rec | KS µs CPU/rec | CPU KS/Sluice"
        + " | Sluice RSS MB | KS RSS MB | RSS Sluice/KS | Sluice EOS/ALOS |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Mode mode : Mode.values()) {
      for (boolean eos : new boolean[] {false, true}) {
        double sluice = median(mode, eos, SystemUnderTest.SLUICE, RunResult::throughput);
        double plain = median(mode, eos, SystemUnderTest.PLAIN, RunResult::throughput);
        double ks = median(mode, eos, SystemUnderTest.KAFKA_STREAMS, RunResult::throughput);
        if (Double.isNaN(sluice) && Double.isNaN(ks) && Double.isNaN(plain)) {
          continue;
        }
        double sluiceCpu = median(mode, eos, SystemUnderTest.SLUICE,
            RunResult::cpuMicrosPerRecord);
        double ksCpu = median(mode, eos, SystemUnderTest.KAFKA_STREAMS,
            RunResult::cpuMicrosPerRecord);
        double sluiceRss = median(mode, eos, SystemUnderTest.SLUICE, r -> r.peakRssBytes() / 1e6);
        double ksRss = median(mode, eos, SystemUnderTest.KAFKA_STREAMS,
            r -> r.peakRssBytes() / 1e6);
        double alos = median(mode, false, SystemUnderTest.SLUICE, RunResult::throughput);
        out.append(String.format(Locale.ROOT,
            "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
            mode.name().toLowerCase(Locale.ROOT), eos ? "exactly_once_v2" : "at_least_once",
            num(sluice), num(plain), num(ks), ratio(sluice, plain), ratio(sluice, ks),
            dec(sluiceCpu), dec(ksCpu), ratio(ksCpu, sluiceCpu), num(sluiceRss), num(ksRss),
            ratio(sluiceRss, ksRss), eos ? ratio(sluice, alos) : "—"));
      }
    }
    return out.toString();
  }

  /** @return every run, one line each, for the record */
  String runs() {
    StringBuilder out = new StringBuilder();
    for (RunResult r : results) {
      out.append(String.format(Locale.ROOT,
          "%-18s %-4s %-14s run %d: %,10.0f rec/s  %7.2f µs CPU/rec  %6.0f MB peak RSS"
              + "  (%d in, %d out)%n",
          r.mode(), r.exactlyOnce() ? "EOS" : "ALOS", r.system(), r.run(), r.throughput(),
          r.cpuMicrosPerRecord(), r.peakRssBytes() / 1e6, r.records(), r.outputs()));
    }
    return out.toString();
  }

  private static String num(double value) {
    return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%,.0f", value);
  }

  private static String dec(double value) {
    return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.2f", value);
  }

  private static String ratio(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) || b == 0
        ? "—" : String.format(Locale.ROOT, "%.2f×", a / b);
  }
}
