/**
 * Throughput and quality benchmarks of the trainers: {@link io.github.apricotcourse.bench.TrainBenchmark}
 * (words/s, memory and quality of one run, the Apricot side of {@code src/bench/side-by-side.sh})
 * and {@link io.github.apricotcourse.bench.QualityBenchmark} (SGNS on a real corpus over several seeds,
 * next to the C word2vec reference). They read corpora with {@code data.TextCorpus} and score
 * vectors with the {@code eval} package, as the lessons do. {@link io.github.apricotcourse.bench.KernelFloor}
 * is what {@code src/bin/apricot bench kernel} times beside the kernel: the least a Java kernel does
 * before its first result.
 */
package io.github.apricotcourse.bench;
