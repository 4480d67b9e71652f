/**
 * The Processor API: build a {@link io.sluice.processor.Topology} of sources, processors and
 * sinks with their state stores; processors receive immutable {@link io.sluice.processor.Record}s
 * and talk to their task through a {@link io.sluice.processor.ProcessorContext}.
 */
package io.sluice.processor;
