package io.sluice.bench.e2e;

/**
 * One run of one system on one workload.
 *
 * @param mode the workload
 * @param exactlyOnce the guarantee
 * @param system the system under test
 * @param run the run number, from 1
 * @param records input records processed
 * @param outputs output records read back (committed ones under exactly-once)
 * @param throughput input records per second between the first and the last output record
 * @param cpuMicrosPerRecord the process's CPU time from its first output record to its last commit,
 *     divided by the input records, microseconds
 * @param peakRssBytes the process's peak resident memory, bytes
 */
record RunResult(Mode mode, boolean exactlyOnce, SystemUnderTest system, int run, long records,
    long outputs, double throughput, double cpuMicrosPerRecord, long peakRssBytes) {}
