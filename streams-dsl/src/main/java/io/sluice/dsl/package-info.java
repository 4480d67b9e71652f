/**
 * The Streams DSL: declare streams with a {@link io.sluice.dsl.StreamsBuilder}, transform them with
 * {@link io.sluice.dsl.KStream} operators configured by small options objects
 * ({@link io.sluice.dsl.Consumed}, {@link io.sluice.dsl.Produced}, {@link io.sluice.dsl.Named},
 * {@link io.sluice.dsl.Branched}), then {@link io.sluice.dsl.StreamsBuilder#build()} a
 * processor-API {@link io.sluice.processor.Topology}.
 *
 * <p>Unnamed operators get {@code KSTREAM-<OPERATOR>-<10-digit counter>} names numbered as Kafka
 * Streams numbers them, so a DSL topology's description reads like Kafka Streams'. A {@code null}
 * {@code Named} argument means a generated name.
 */
package io.sluice.dsl;
