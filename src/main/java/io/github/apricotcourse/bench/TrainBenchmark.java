package io.github.apricotcourse.bench;

import io.github.apricotcourse.data.TextCorpus;
import io.github.apricotcourse.embed.Embeddings;
import io.github.apricotcourse.eval.AnalogyResult;
import io.github.apricotcourse.eval.AnalogySet;
import io.github.apricotcourse.eval.SimilarityResult;
import io.github.apricotcourse.eval.SimilaritySet;
import io.github.apricotcourse.sgns.SkipGramModel;
import io.github.apricotcourse.sgns.SkipGramTrainer;
import io.github.apricotcourse.sgns.TrainingProgress;
import io.github.apricotcourse.text.Corpus;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Trains SGNS on a corpus and prints throughput, memory and quality:
 *
 * <pre>
 *   java -cp target/apricot.jar:target/lib/* io.github.apricotcourse.bench.TrainBenchmark \
 *       --corpus ../shared/datasets/corpora/pg_mix_4M.txt.gz --threads 2 \
 *       --wordsim ../shared/datasets/eval/wordsim353.tsv --analogies ../shared/datasets/eval/questions-words.txt
 * </pre>
 *
 * words/s counts the in-vocabulary corpus words before subsampling (Σ count(w) × epochs) over
 * the wall time of training alone (after the vocabulary is built and the corpus encoded), the
 * way gensim and word2vec.c report it. The last line, {@code RESULT key=value …}, is for scripts.
 * {@code --synthetic-words N --synthetic-tokens T} trains on a generated Zipf corpus instead
 * (e.g. a 1M-word vocabulary at {@code --dim 300} under {@code -Xmx4g}).
 */
public final class TrainBenchmark {
    private TrainBenchmark() {}

    private static final String USAGE = """
            usage: TrainBenchmark (--corpus FILE[.gz] | --synthetic-words N --synthetic-tokens T) [options]
              --dim 100  --window 5  --negatives 5  --sample 1e-3  --min-count 5  --epochs 1
              --eta 0.025  --threads 1  --seed 1  --max-sentence 1000
              --shared-negatives true|false   (fast path; default true)
              --readable                      (the lesson's one-pair-at-a-time loop instead of the fast path)
              --wordsim FILE  --analogies FILE  --analogy-words 30000
            """;

    public static void main(String[] args) throws IOException {
        Map<String, String> o = parse(args);
        int threads = Integer.parseInt(o.getOrDefault("threads", "1"));
        int minCount = Integer.parseInt(o.getOrDefault("min-count", "5"));
        int epochs = Integer.parseInt(o.getOrDefault("epochs", "1"));
        Corpus corpus;
        if (o.containsKey("corpus")) {
            corpus = TextCorpus.read(Path.of(o.get("corpus")), Integer.parseInt(o.getOrDefault("max-sentence", "1000")));
        } else if (o.containsKey("synthetic-words")) {
            int words = Integer.parseInt(o.get("synthetic-words"));
            corpus = new SyntheticCorpus(words, Long.parseLong(o.getOrDefault("synthetic-tokens", String.valueOf(3L * words))), 7);
        } else {
            throw new IllegalArgumentException("no corpus: pass --corpus FILE or --synthetic-words N\n" + USAGE);
        }
        SkipGramTrainer trainer = SkipGramTrainer.create()
                .dimension(Integer.parseInt(o.getOrDefault("dim", "100")))
                .window(Integer.parseInt(o.getOrDefault("window", "5")))
                .negatives(Integer.parseInt(o.getOrDefault("negatives", "5")))
                .subsample(Double.parseDouble(o.getOrDefault("sample", "1e-3")))
                .minCount(minCount)
                .epochs(epochs)
                .learningRate(Double.parseDouble(o.getOrDefault("eta", "0.025")))
                .seed(Long.parseLong(o.getOrDefault("seed", "1")));
        if (!o.containsKey("readable")) {
            trainer.threads(threads).sharedNegatives(Boolean.parseBoolean(o.getOrDefault("shared-negatives", "true")));
        }
        TrainingProgress[] last = new TrainingProgress[1];
        trainer.listener(p -> {
            last[0] = p;
            if (p.finished()) {
                System.err.printf(Locale.ROOT, "\r%5.1f%%  loss %.4f%n", 100 * p.fraction(), p.meanLoss());
            } else {
                System.err.printf(Locale.ROOT, "\r%5.1f%%  loss %.4f  %.0f words/s ", 100 * p.fraction(), p.meanLoss(),
                        p.wordsPerSecond());
            }
        });
        System.out.println("corpus   " + corpus);
        System.out.println("trainer  " + trainer);
        long start = System.nanoTime();
        SkipGramModel model = trainer.train(corpus);
        double total = (System.nanoTime() - start) / 1e9;
        double seconds = last[0].elapsed().toNanos() / 1e9;
        long words = model.vocabulary().totalCount() * epochs;
        double wps = words / seconds;
        long rss = peakRssKb();
        long heap = peakHeapBytes();
        System.out.printf(Locale.ROOT, "vocab    %d words, %d in-vocabulary tokens per epoch%n",
                model.vocabulary().size(), model.vocabulary().totalCount());
        System.out.printf(Locale.ROOT, "train    %.2f s (%.2f s with vocabulary and encoding), %.3f M words/s%n",
                seconds, total, wps / 1e6);
        System.out.printf(Locale.ROOT, "memory   peak RSS %.0f MB, peak heap %.0f MB (max heap %.0f MB)%n",
                rss / 1024.0, heap / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
        System.out.printf(Locale.ROOT, "loss     %s%n", model.lossHistory());
        StringBuilder result = new StringBuilder(String.format(Locale.ROOT,
                "RESULT impl=apricot threads=%d words=%d seconds=%.3f words_per_s=%.0f peak_rss_mb=%.0f peak_heap_mb=%.0f",
                threads, words, seconds, wps, rss / 1024.0, heap / 1048576.0));
        Embeddings e = model.embeddings();
        if (o.containsKey("wordsim")) {
            SimilarityResult s = SimilaritySet.read(Path.of(o.get("wordsim"))).evaluate(e);
            System.out.printf(Locale.ROOT, "wordsim  Spearman ρ = %.4f over %d of %d pairs%n", s.spearman(), s.pairs(),
                    s.pairs() + s.outOfVocabulary());
            result.append(String.format(Locale.ROOT, " wordsim=%.4f", s.spearman()));
        }
        if (o.containsKey("analogies")) {
            int top = Integer.parseInt(o.getOrDefault("analogy-words", String.valueOf(AnalogySet.DEFAULT_TOP_WORDS)));
            AnalogyResult.SectionScore a = AnalogySet.read(Path.of(o.get("analogies"))).evaluate(e, top).total();
            System.out.printf(Locale.ROOT, "analogy  3CosAdd accuracy %.2f %% (%d of %d answered; %d questions, top %d words)%n",
                    100 * a.accuracy(), a.correct(), a.answered(), a.answered() + a.skipped(), top);
            result.append(String.format(Locale.ROOT, " analogy=%.4f answered=%d", a.accuracy(), a.answered()));
        }
        System.out.println(result);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'\n" + USAGE);
            }
            String key = args[i].substring(2);
            if (key.equals("readable") || key.equals("help")) {
                o.put(key, "true");
            } else if (i + 1 < args.length) {
                o.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("option --" + key + " needs a value\n" + USAGE);
            }
        }
        if (o.containsKey("help")) {
            System.out.print(USAGE);
            System.exit(0);
        }
        return o;
    }

    /** Peak resident memory of this process (VmHWM), in kB; 0 where /proc is unavailable. */
    private static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** Sum of the heap pools' peak usage, in bytes. */
    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
