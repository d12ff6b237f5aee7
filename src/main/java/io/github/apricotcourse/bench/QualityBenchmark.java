package io.github.apricotcourse.bench;

import io.github.apricotcourse.data.DatasetUnavailableException;
import io.github.apricotcourse.data.Datasets;
import io.github.apricotcourse.embed.Embeddings;
import io.github.apricotcourse.embed.VectorFormat;
import io.github.apricotcourse.eval.AnalogyResult;
import io.github.apricotcourse.eval.AnalogySet;
import io.github.apricotcourse.eval.SimilarityResult;
import io.github.apricotcourse.eval.SimilaritySet;
import io.github.apricotcourse.glove.GloveModel;
import io.github.apricotcourse.glove.GloveTrainer;
import io.github.apricotcourse.sgns.SkipGramModel;
import io.github.apricotcourse.sgns.SkipGramTrainer;
import io.github.apricotcourse.text.Corpus;
import io.github.apricotcourse.viz.ProgressBar;
import io.github.apricotcourse.viz.Tables;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The quality benchmark: trains SGNS (d = 100, L = 5, k = 5, 5 epochs, min-count 5, η₀ = 0.025)
 * on the fast path ({@code --threads}, 2 by default, as the C reference) on a real corpus, once
 * per seed, and beside it CBOW (the same settings, η₀ = 0.05 as word2vec's CBOW) and GloVe
 * (d = 100, L = 5 with pairs δ apart counted 1/δ, min-count 5, 15 epochs unless {@code --glove-epochs}
 * says otherwise, η₀ = 0.05, x_max = 10
 * as glove.c's demo script sets for text8, where the paper's 100 is for billions of words; its
 * vectors W + W̃); {@code
 * --models} picks which. It scores each run's vectors on WordSim-353, SimLex-999 and the Google analogies (top
 * 30,000 words, 3CosAdd). The similarity sets are scored over every pair in the vocabulary and
 * over the pairs among the top 30,000 words, since the reference does not say which it used. It
 * prints every run, the mean over the runs, and (for skip-gram) the mean next to the C word2vec
 * reference on the same corpus.
 *
 * <pre>
 *   APRICOT_DATA=../shared/datasets java -cp 'target/apricot.jar:target/lib/*' \
 *       io.github.apricotcourse.bench.QualityBenchmark [pg_mix_17M | pg_mix_4M | text8] [first seed]
 *       [--runs 3] [--sample 1e-4] [--eta 0.025] [--threads 2] [--shared-negatives true|false]
 *       [--models skip-gram,cbow,glove] [--glove-epochs 15] [--save vectors.bin]
 *   ... QualityBenchmark [corpus] --score c-run1.bin --score c-run2.bin ...
 * </pre>
 *
 * With {@code --score} it trains nothing: it scores vector files made by another tool (word2vec
 * binary for a name ending in {@code .bin}, word2vec text otherwise) exactly as it scores its own
 * runs, and compares their mean with the same reference. {@code src/bench/c-word2vec.sh} uses it to
 * put the C tool's own runs on this machine beside Apricot's.
 *
 * The subsampling threshold is 1e−4, the value of word2vec's own demo scripts, rather than the
 * tool's default 1e−3: on pg_mix_17M it raises WordSim-353 and SimLex-999 (see
 * src/bench/README.md for both). Several runs, because one run's scores move by about ±0.01 from
 * seed to seed (and, with 2 threads, from run to run): a single run cannot tell 0.54 from 0.55.
 *
 * <p>Without the data (no APRICOT_DATA and nothing in the cache) it says what is missing and exits
 * with status 0, so that it can sit in a script that also runs on a fresh machine.
 */
@Command(name = "QualityBenchmark", sortOptions = false,
        description = "Trains skip-gram, CBOW and GloVe once per seed and scores each run (skip-gram against the C word2vec reference);"
                + " with --score, scores vector files made elsewhere the same way.")
public final class QualityBenchmark implements Callable<Integer> {
    @Spec
    private CommandSpec spec;
    @Parameters(index = "0", arity = "0..1", paramLabel = "CORPUS", defaultValue = "pg_mix_17M",
            description = "pg_mix_17M (default), pg_mix_4M or text8")
    private String id;
    @Parameters(index = "1", arity = "0..1", paramLabel = "FIRST_SEED", description = "the seed of the first run (default 1)")
    private Long firstSeedGiven;
    @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "runs, one seed each (default ${DEFAULT-VALUE})")
    private int runs;
    @Option(names = "--sample", paramLabel = "t", defaultValue = "1e-4", description = "subsampling threshold (default ${DEFAULT-VALUE})")
    private double sample;
    @Option(names = "--eta", paramLabel = "ETA", defaultValue = "0.025", description = "η₀ (default ${DEFAULT-VALUE})")
    private double eta;
    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "(default ${DEFAULT-VALUE})")
    private int threads;
    @Option(names = "--shared-negatives", arity = "1", paramLabel = "true|false", defaultValue = "true",
            description = "(default ${DEFAULT-VALUE})")
    private boolean sharedNegatives;
    @Option(names = "--glove-epochs", paramLabel = "N", defaultValue = "15", description = "GloVe's epochs (default ${DEFAULT-VALUE})")
    private int gloveEpochs;
    @Option(names = "--models", split = ",", paramLabel = "MODEL", defaultValue = "skip-gram,cbow,glove",
            description = "which models to train: skip-gram, cbow, glove (default ${DEFAULT-VALUE});"
                    + " --sample, --eta, --threads and --shared-negatives are the word2vec models'")
    private List<String> models = new ArrayList<>();
    @Option(names = "--save", paramLabel = "vectors.bin", description = "save each run's W (word2vec binary; never overwrites)")
    private Path save;
    @Option(names = "--score", paramLabel = "VECTORS", description = "score this vector file instead of training (repeatable)")
    private List<Path> score = new ArrayList<>();
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    private QualityBenchmark() {}

    /**
     * One run's scores: Spearman ρ on the two similarity sets over every pair in the vocabulary, and
     * over the pairs among the 30,000 most frequent words (the analogies' restriction); analogy
     * accuracies as fractions.
     */
    record Scores(String run, double wordsim, double simlex, double wordsimTop, double simlexTop, double family,
                  double syntactic, double total, double trainSeconds) {}

    /** The C word2vec figures on a corpus (datasets/README of the shared data); NaN where none is given. */
    record Reference(double wordsim, double simlex, double family, double syntactic) {
        static Reference of(String corpus) {
            return switch (corpus) {
                case "pg_mix_17M" -> new Reference(0.55, 0.34, 0.50, 0.40);
                case "pg_mix_4M" -> new Reference(0.35, Double.NaN, 0.37, 0.09);
                default -> null;
            };
        }

        /**
         * The mean of the runs against each reference figure given for the corpus; the similarity
         * figures both over every pair and over the top 30k words, since the reference does not say
         * which (the C tool's own runs match it over the top 30k words: src/bench/README.md).
         */
        List<Comparison> compare(Scores mean) {
            List<Comparison> all = List.of(new Comparison("WordSim-353 ρ", mean.wordsim(), wordsim, false),
                    new Comparison("SimLex-999 ρ", mean.simlex(), simlex, false),
                    new Comparison("WordSim-353 ρ, top 30k", mean.wordsimTop(), wordsim, false),
                    new Comparison("SimLex-999 ρ, top 30k", mean.simlexTop(), simlex, false),
                    new Comparison("family", mean.family(), family, true),
                    new Comparison("syntactic", mean.syntactic(), syntactic, true));
            return all.stream().filter(c -> !Double.isNaN(c.reference())).toList();
        }
    }

    /** One score against its reference figure. */
    record Comparison(String what, double value, double reference, boolean percent) {
        boolean meets() {
            return value >= reference;
        }

        /** e.g. "WordSim-353 ρ      0.566 ≥ 0.55  meets the reference". */
        @Override
        public String toString() {
            String v = percent ? String.format(Locale.ROOT, "%.1f %%", 100 * value) : String.format(Locale.ROOT, "%.3f", value);
            String r = percent ? String.format(Locale.ROOT, "%.0f %%", 100 * reference) : String.format(Locale.ROOT, "%.2f", reference);
            return String.format(Locale.ROOT, "  %-22s %9s %s %-5s %s", what, v, meets() ? "≥" : "<", r,
                    meets() ? "meets the reference" : "BELOW the reference");
        }
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command, parsed by picocli from the annotated fields above. */
    static CommandLine commandLine() {
        return new CommandLine(new QualityBenchmark());
    }

    @Override
    public Integer call() throws IOException {
        if (runs < 1) {
            throw new ParameterException(spec.commandLine(), "--runs must be at least 1, got " + runs);
        }
        if (gloveEpochs < 1) {
            throw new ParameterException(spec.commandLine(), "--glove-epochs must be at least 1, got " + gloveEpochs);
        }
        for (String m : models) {
            if (!MODELS.contains(m)) {
                throw new ParameterException(spec.commandLine(), "--models: unknown model '" + m + "'; use some of "
                        + String.join(", ", MODELS) + ", separated by commas");
            }
        }
        long firstSeed = firstSeedGiven != null ? firstSeedGiven : 1;
        List<String> trainingOptions = spec.commandLine().getParseResult().matchedOptions().stream()
                .map(OptionSpec::longestName).filter(name -> !name.equals("--score")).toList();
        if (!score.isEmpty() && (!trainingOptions.isEmpty() || firstSeedGiven != null)) {
            boolean one = firstSeedGiven != null || trainingOptions.size() == 1;
            throw new ParameterException(spec.commandLine(), "--score scores vector files and trains nothing, so "
                    + (firstSeedGiven != null ? "a first seed" : String.join(", ", trainingOptions))
                    + (one ? " does not apply: drop it" : " do not apply: drop them") + ", or drop --score to train");
        }
        for (Path file : score) {                                // refuse before loading anything
            if (!Files.isRegularFile(file)) {
                throw new ParameterException(spec.commandLine(), "--score " + file + ": no such vector file (relative"
                        + " paths start at " + Path.of("").toAbsolutePath() + ")");
            }
        }
        for (String model : models) {
            for (int r = 0; save != null && r < runs; r++) {       // refuse before minutes of training, not after
                Path file = saveFile(save, model, runs, firstSeed + r);
                if (Files.exists(file)) {
                    throw new ParameterException(spec.commandLine(), file + " already exists and is never overwritten:"
                            + " pass another --save name or move that file away");
                }
            }
        }
        Corpus corpus;
        TestSets tests;
        try {
            corpus = score.isEmpty() ? Datasets.corpus(id) : null;
            tests = new TestSets(Datasets.similarity("wordsim353"), Datasets.similarity("simlex999"),
                    Datasets.analogies("questions-words"));
        } catch (DatasetUnavailableException e) {
            System.out.println("quality benchmark skipped: the data is not here. " + e.getMessage());
            return 0;
        }

        List<Scores> all = new ArrayList<>();
        if (!score.isEmpty()) {
            for (Path file : score) {
                System.out.printf(Locale.ROOT, "%n%s%n", file);
                VectorFormat format = file.getFileName().toString().matches(".*\\.bin(\\.gz)?")
                        ? VectorFormat.WORD2VEC_BINARY : VectorFormat.WORD2VEC_TEXT;
                all.add(tests.score(file.getFileName().toString(), format.read(file), Double.NaN));
            }
            System.out.printf(Locale.ROOT, "%n%s, %d vector file%s scored%n", id, score.size(), score.size() == 1 ? "" : "s");
            summary(id, all, true);
            return 0;
        }
        Map<String, List<Scores>> byModel = new LinkedHashMap<>();
        for (String name : models) {
            List<Scores> runsOfModel = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                long seed = firstSeed + r;
                long t0 = System.nanoTime();
                Embeddings w = train(name, corpus, seed, r + 1);
                double trainSeconds = (System.nanoTime() - t0) / 1e9;
                runsOfModel.add(tests.score(name + " seed " + seed, w, trainSeconds));
                if (save != null) {
                    Path file = saveFile(save, name, runs, seed);
                    w.save(file, VectorFormat.WORD2VEC_BINARY);
                    System.out.println("the vectors saved to " + file + " (word2vec binary)");
                }
            }
            byModel.put(name, runsOfModel);
        }

        String seeds = runs == 1 ? "1 run (seed " + firstSeed + ")"
                : runs + " runs (seeds " + firstSeed + "–" + (firstSeed + runs - 1) + ")";
        for (var e : byModel.entrySet()) {
            boolean word2vec = !e.getKey().equals("glove");
            System.out.printf(Locale.ROOT, "%n%s on %s, %s%s%n", e.getKey(), id, seeds, word2vec
                    ? String.format(Locale.ROOT, ", sample %s, η₀ %s, %d thread%s, %s noise words", plain(sample),
                            plain(e.getKey().equals("cbow") ? 2 * eta : eta), threads, threads == 1 ? "" : "s",
                            sharedNegatives ? "shared" : "per-pair")
                    : String.format(Locale.ROOT, ", d 100, L 5 (pairs δ apart counted 1/δ), %d epochs, η₀ 0.05, x_max 10,"
                            + " vectors W + W̃", gloveEpochs));
            summary(id, e.getValue(), e.getKey().equals("skip-gram"));
        }
        return 0;
    }

    /** The models --models may name. */
    static final List<String> MODELS = List.of("skip-gram", "cbow", "glove");

    /** Trains one run of a model and returns its word vectors. */
    private Embeddings train(String name, Corpus corpus, long seed, int run) {
        ProgressBar bar = new ProgressBar(name + " on " + id + ", seed " + seed);
        if (name.equals("glove")) {
            GloveTrainer trainer = GloveTrainer.create().dimension(100).window(5).epochs(gloveEpochs).xMax(10).minCount(5).seed(seed)
                    .listener(bar);
            System.out.printf(Locale.ROOT, "%nrun %d of %d: %s with %s%n", run, runs, id, trainer);
            GloveModel model = trainer.train(corpus);
            System.out.printf(Locale.ROOT, "vocabulary: %,d words (min-count 5); %s%n", model.vocabulary().size(), model.settings());
            return model.embeddings();
        }
        boolean cbow = name.equals("cbow");
        SkipGramTrainer trainer = SkipGramTrainer.create().dimension(100).window(5).negatives(5).epochs(5)
                .subsample(sample).learningRate(cbow ? 2 * eta : eta).cbow(cbow).minCount(5).seed(seed).threads(threads)
                .sharedNegatives(sharedNegatives).listener(bar);
        System.out.printf(Locale.ROOT, "%nrun %d of %d: %s with %s%n", run, runs, id, trainer);
        SkipGramModel model = trainer.train(corpus);
        System.out.printf(Locale.ROOT, "vocabulary: %,d words (min-count 5), %,d tokens%n",
                model.vocabulary().size(), model.vocabulary().totalCount());
        return model.embeddings();
    }

    /** The test sets every run is scored on. */
    private record TestSets(SimilaritySet wordsim, SimilaritySet simlex, AnalogySet google) {
        /** Scores one run's vectors, printing each result, then the run's row. */
        Scores score(String run, Embeddings w, double trainSeconds) {
            Embeddings top = w.restrictTo(AnalogySet.DEFAULT_TOP_WORDS);
            SimilarityResult ws = wordsim.evaluate(w);
            SimilarityResult sl = simlex.evaluate(w);
            SimilarityResult wsTop = wordsim.evaluate(top);
            SimilarityResult slTop = simlex.evaluate(top);
            AnalogyResult an = google.evaluate(top);                // the same top words it would restrict w to
            System.out.println(ws);
            System.out.println(sl);
            System.out.println("among the top " + top.size() + " words: " + wsTop + "; " + slTop);
            System.out.println(Tables.rounded(an.table(), 3).printAll());
            Scores s = new Scores(run, ws.spearman(), sl.spearman(), wsTop.spearman(), slTop.spearman(),
                    an.section("family").accuracy(), an.syntactic().accuracy(), an.total().accuracy(), trainSeconds);
            System.out.println(row(s, 10));
            return s;
        }
    }

    /** The table of the runs, their mean and range, and the mean against the C reference of the corpus. */
    private static void summary(String id, List<Scores> all, boolean compareWithReference) {
        int width = Math.max(10, all.stream().mapToInt(s -> s.run().length()).max().orElse(0));
        System.out.println(String.format(Locale.ROOT, "%-" + width + "s %8s %8s %8s %8s %8s %10s %8s %9s",
                "", "WS-353", "SimLex", "WS 30k", "SL 30k", "family", "syntactic", "total", "train s"));
        for (Scores s : all) {
            System.out.println(row(s, width));
        }
        Scores mean = mean(all);
        System.out.println(row(mean, width));
        if (all.size() > 1) {
            System.out.printf(Locale.ROOT, "range: WS-353 %s, SimLex %s, WS 30k %s, SL 30k %s, family %s, syntactic %s,"
                            + " total %s%n", range(all, Scores::wordsim, false), range(all, Scores::simlex, false),
                    range(all, Scores::wordsimTop, false), range(all, Scores::simlexTop, false),
                    range(all, Scores::family, true), range(all, Scores::syntactic, true),
                    range(all, Scores::total, true));
        }
        Reference reference = Reference.of(id);
        if (!compareWithReference) {
            System.out.println("the C word2vec reference figures are skip-gram's: none for this model");
        } else if (reference == null) {
            System.out.println("no C word2vec reference figures for " + id);
        } else {
            System.out.println("mean against the C word2vec reference on " + id + ":");
            List<Comparison> comparisons = reference.compare(mean);
            comparisons.forEach(System.out::println);
            List<String> below = comparisons.stream().filter(c -> !c.meets()).map(Comparison::what).toList();
            System.out.println(below.isEmpty() ? "all reference figures met"
                    : "some reference figures NOT met: " + String.join("; ", below));
        }
    }

    /** The mean of each score over the runs. */
    static Scores mean(List<Scores> runs) {
        return new Scores("mean", mean(runs, Scores::wordsim), mean(runs, Scores::simlex), mean(runs, Scores::wordsimTop),
                mean(runs, Scores::simlexTop), mean(runs, Scores::family), mean(runs, Scores::syntactic),
                mean(runs, Scores::total), mean(runs, Scores::trainSeconds));
    }

    private static double mean(List<Scores> runs, ToDoubleFunction<Scores> score) {
        return runs.stream().mapToDouble(score).average().orElse(Double.NaN);
    }

    private static String range(List<Scores> runs, ToDoubleFunction<Scores> score, boolean percent) {
        double lo = runs.stream().mapToDouble(score).min().orElse(Double.NaN);
        double hi = runs.stream().mapToDouble(score).max().orElse(Double.NaN);
        return percent ? String.format(Locale.ROOT, "%.1f–%.1f %%", 100 * lo, 100 * hi)
                : String.format(Locale.ROOT, "%.3f–%.3f", lo, hi);
    }

    /** A run's row; the training time is left blank for vectors scored from a file. */
    private static String row(Scores s, int width) {
        return String.format(Locale.ROOT, "%-" + width + "s %8.3f %8.3f %8.3f %8.3f %7.1f%% %9.1f%% %7.1f%% %9s", s.run(),
                s.wordsim(), s.simlex(), s.wordsimTop(), s.simlexTop(), 100 * s.family(), 100 * s.syntactic(), 100 * s.total(),
                Double.isNaN(s.trainSeconds()) ? "" : String.format(Locale.ROOT, "%.1f", s.trainSeconds()));
    }

    /** 1.0E-4 → "0.0001". */
    private static String plain(double x) {
        return new BigDecimal(String.valueOf(x)).stripTrailingZeros().toPlainString();
    }

    /**
     * Where --save writes a run's vectors: skip-gram's at the name given for one run, vectors.bin →
     * vectors-seed3.bin for several; another model's with its name, vectors-glove.bin, vectors-glove-seed3.bin.
     */
    static Path saveFile(Path save, String model, int runs, long seed) {
        String tail = (model.equals("skip-gram") ? "" : "-" + model) + (runs == 1 ? "" : "-seed" + seed);
        if (tail.isEmpty()) {
            return save;
        }
        String name = save.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return save.resolveSibling(dot > 0 ? name.substring(0, dot) + tail + name.substring(dot) : name + tail);
    }
}
