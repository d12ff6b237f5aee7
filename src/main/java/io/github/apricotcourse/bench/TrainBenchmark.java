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
import io.github.apricotcourse.viz.ProgressBar;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Trains SGNS (or with {@code --cbow} CBOW) on a corpus and prints throughput, memory and quality:
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
@Command(name = "TrainBenchmark", sortOptions = false,
        description = "Trains SGNS (or CBOW) on a corpus and prints throughput, memory and quality.")
public final class TrainBenchmark implements Callable<Integer> {
    @Spec
    private CommandSpec spec;
    @Option(names = "--corpus", paramLabel = "FILE[.gz]", description = "the corpus, one sentence per line")
    private Path corpusFile;
    @Option(names = "--synthetic-words", paramLabel = "N", description = "train on a generated Zipf corpus of N words instead")
    private Integer syntheticWords;
    @Option(names = "--synthetic-tokens", paramLabel = "T", description = "its length in tokens (default 3 N)")
    private Long syntheticTokens;
    @Option(names = "--dim", paramLabel = "d", defaultValue = "100", description = "d (default ${DEFAULT-VALUE})")
    private int dim;
    @Option(names = "--window", paramLabel = "L", defaultValue = "5", description = "L (default ${DEFAULT-VALUE})")
    private int window;
    @Option(names = "--negatives", paramLabel = "k", defaultValue = "5", description = "k (default ${DEFAULT-VALUE})")
    private int negatives;
    @Option(names = "--sample", paramLabel = "t", defaultValue = "1e-3", description = "subsampling threshold (default ${DEFAULT-VALUE})")
    private double sample;
    @Option(names = "--min-count", paramLabel = "N", defaultValue = "5", description = "(default ${DEFAULT-VALUE})")
    private int minCount;
    @Option(names = "--epochs", paramLabel = "N", defaultValue = "1", description = "(default ${DEFAULT-VALUE})")
    private int epochs;
    @Option(names = "--cbow", description = "CBOW instead of skip-gram (word2vec's -cbow 1)")
    private boolean cbow;
    @Option(names = "--eta", paramLabel = "ETA", description = "η, the initial learning rate (default 0.025, with --cbow 0.05, as word2vec)")
    private Double eta;
    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "fast path only (default ${DEFAULT-VALUE})")
    private int threads;
    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "(default ${DEFAULT-VALUE})")
    private long seed;
    @Option(names = "--max-sentence", paramLabel = "N", defaultValue = "1000", description = "longest sentence, in tokens (default ${DEFAULT-VALUE})")
    private int maxSentence;
    @Option(names = "--shared-negatives", arity = "1", defaultValue = "true", paramLabel = "true|false",
            description = "fast path only (default ${DEFAULT-VALUE})")
    private boolean sharedNegatives;
    @Option(names = "--readable", description = "the lesson's one-pair-at-a-time loop instead of the fast path")
    private boolean readable;
    @Option(names = "--wordsim", paramLabel = "FILE", description = "score on this similarity set")
    private Path wordsim;
    @Option(names = "--analogies", paramLabel = "FILE", description = "score on this analogy set")
    private Path analogies;
    @Option(names = "--analogy-words", paramLabel = "N", defaultValue = "" + AnalogySet.DEFAULT_TOP_WORDS,
            description = "answers among the top N words (default ${DEFAULT-VALUE})")
    private int analogyWords;
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    private TrainBenchmark() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new TrainBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        Corpus corpus;
        if (corpusFile != null) {
            corpus = TextCorpus.read(corpusFile, maxSentence);
        } else if (syntheticWords != null) {
            corpus = new SyntheticCorpus(syntheticWords, syntheticTokens != null ? syntheticTokens : 3L * syntheticWords, 7);
        } else {
            throw new ParameterException(spec.commandLine(), "no corpus: pass --corpus FILE or --synthetic-words N");
        }
        SkipGramTrainer trainer = SkipGramTrainer.create()
                .dimension(dim)
                .window(window)
                .negatives(negatives)
                .subsample(sample)
                .minCount(minCount)
                .epochs(epochs)
                .learningRate(eta != null ? eta : cbow ? 0.05 : 0.025)
                .cbow(cbow)
                .seed(seed);
        if (!readable) {
            trainer.threads(threads).sharedNegatives(sharedNegatives);
        }
        TrainingProgress[] last = new TrainingProgress[1];
        ProgressBar bar = new ProgressBar("Training", System.err);
        trainer.listener(p -> {
            last[0] = p;
            bar.onProgress(p);
        });
        System.out.println("corpus   " + corpus);
        System.out.println("trainer  " + trainer);
        System.out.println("jvm      " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
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
        if (wordsim != null) {
            SimilarityResult s = SimilaritySet.read(wordsim).evaluate(e);
            System.out.printf(Locale.ROOT, "wordsim  Spearman ρ = %.4f over %d of %d pairs%n", s.spearman(), s.pairs(),
                    s.pairs() + s.outOfVocabulary());
            result.append(String.format(Locale.ROOT, " wordsim=%.4f", s.spearman()));
        }
        if (analogies != null) {
            int top = analogyWords;
            AnalogyResult.SectionScore a = AnalogySet.read(analogies).evaluate(e, top).total();
            System.out.printf(Locale.ROOT, "analogy  3CosAdd accuracy %.2f %% (%d of %d answered; %d questions, top %d words)%n",
                    100 * a.accuracy(), a.correct(), a.answered(), a.answered() + a.skipped(), top);
            result.append(String.format(Locale.ROOT, " analogy=%.4f answered=%d", a.accuracy(), a.answered()));
        }
        System.out.println(result);
        return 0;
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
