package io.github.apricotcourse.bench;

import io.github.apricotcourse.data.DatasetUnavailableException;
import io.github.apricotcourse.data.Datasets;
import io.github.apricotcourse.embed.Embeddings;
import io.github.apricotcourse.eval.AnalogyResult;
import io.github.apricotcourse.eval.AnalogySet;
import io.github.apricotcourse.eval.SimilarityResult;
import io.github.apricotcourse.eval.SimilaritySet;
import io.github.apricotcourse.sgns.SkipGramModel;
import io.github.apricotcourse.sgns.SkipGramTrainer;
import io.github.apricotcourse.text.Corpus;
import io.github.apricotcourse.viz.ProgressBar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The quality benchmark: trains SGNS with word2vec's settings (d = 100, L = 5, k = 5, 5 epochs,
 * sample 1e−3, min-count 5) on the fast path ({@code --threads}, 2 by default, as the C
 * reference) on a real corpus and scores the vectors on WordSim-353, SimLex-999 and the Google
 * analogies (top 30,000 words, 3CosAdd), next to the C word2vec reference on the same corpus.
 *
 * <pre>
 *   APRICOT_DATA=../shared/datasets java -cp 'target/apricot.jar:target/lib/*' \
 *       io.github.apricotcourse.bench.QualityBenchmark [pg_mix_17M | pg_mix_4M | text8] [seed]
 *       [--threads 2] [--shared-negatives true|false]
 * </pre>
 *
 * Without the data (no APRICOT_DATA and nothing in the cache) it says what is missing and exits
 * with status 0, so that it can sit in a script that also runs on a fresh machine.
 */
public final class QualityBenchmark {
    private QualityBenchmark() {}

    /** Reference figures of the C word2vec on each corpus (datasets/README of the shared data). */
    static String reference(String corpus) {
        return switch (corpus) {
            case "pg_mix_17M" -> "C word2vec reference: WordSim-353 0.55, SimLex-999 0.34, family 50 %, syntactic 40 %";
            case "pg_mix_4M" -> "C word2vec reference: WordSim-353 0.35, family 37 %, syntactic 9 %";
            default -> "no reference figures for " + corpus;
        };
    }

    private static final String USAGE = "usage: QualityBenchmark [pg_mix_17M | pg_mix_4M | text8] [seed]"
            + " [--threads 2] [--shared-negatives true|false]";

    public static void main(String[] args) {
        List<String> positional = new ArrayList<>();
        int threads = 2;
        boolean sharedNegatives = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(value(args, ++i));
                case "--shared-negatives" -> sharedNegatives = Boolean.parseBoolean(value(args, ++i));
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
                    }
                    positional.add(args[i]);
                }
            }
        }
        String id = positional.size() > 0 ? positional.get(0) : "pg_mix_17M";
        long seed = positional.size() > 1 ? Long.parseLong(positional.get(1)) : 1;
        Corpus corpus;
        SimilaritySet wordsim;
        SimilaritySet simlex;
        AnalogySet google;
        try {
            corpus = Datasets.corpus(id);
            wordsim = Datasets.similarity("wordsim353");
            simlex = Datasets.similarity("simlex999");
            google = Datasets.analogies("questions-words");
        } catch (DatasetUnavailableException e) {
            System.out.println("quality benchmark skipped: the data is not here. " + e.getMessage());
            return;
        }
        SkipGramTrainer trainer = SkipGramTrainer.create().dimension(100).window(5).negatives(5).epochs(5)
                .subsample(1e-3).minCount(5).seed(seed).threads(threads).sharedNegatives(sharedNegatives)
                .listener(new ProgressBar("SGNS on " + id));
        System.out.println("quality benchmark: " + id + " with " + trainer);
        long t0 = System.nanoTime();
        SkipGramModel model = trainer.train(corpus);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        Embeddings w = model.embeddings();

        long t1 = System.nanoTime();
        SimilarityResult ws = wordsim.evaluate(w);
        SimilarityResult sl = simlex.evaluate(w);
        AnalogyResult an = google.evaluate(w);
        double evalSeconds = (System.nanoTime() - t1) / 1e9;

        System.out.printf(Locale.ROOT, "%nvocabulary: %,d words (min-count 5), %,d tokens%n",
                model.vocabulary().size(), model.vocabulary().totalCount());
        System.out.println(ws);
        System.out.println(sl);
        System.out.println(an.table().printAll());
        System.out.printf(Locale.ROOT, "family %.1f %%, syntactic %.1f %%, total %.1f %%%n",
                100 * an.section("family").accuracy(), 100 * an.syntactic().accuracy(), 100 * an.total().accuracy());
        System.out.println(reference(id));
        System.out.printf(Locale.ROOT, "wall time: training %.1f s, evaluation %.1f s%n", trainSeconds, evalSeconds);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("option " + args[i - 1] + " needs a value\n" + USAGE);
        }
        return args[i];
    }
}
