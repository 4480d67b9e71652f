/**
 * Running topologies: {@link io.sluice.runtime.StreamsConfig} and the exception handlers that
 * decide what happens to records that cannot be read or processed.
 */
package io.sluice.runtime;
