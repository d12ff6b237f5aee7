/**
 * Throughput and quality benchmarks of the trainers ({@link io.github.apricotcourse.bench.TrainBenchmark}),
 * with the small corpus readers and evaluations they need. The {@code data} and {@code eval}
 * packages hold the library's full versions; these stay minimal and private to the benchmark.
 */
package io.github.apricotcourse.bench;
