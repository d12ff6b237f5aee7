package io.github.apricotcourse.data;

import io.github.apricotcourse.text.Corpus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real text a lesson runs on, chosen in one place, in this order:
 *
 * <ol>
 *   <li>the Project Gutenberg corpus the lesson was written for, when the local data folder
 *       ({@code APRICOT_DATA}) has it;</li>
 *   <li>else text8 (Wikipedia, 17M tokens): from the cache, where Binder's build put it, or
 *       downloaded now and checked against its pinned CRC-32;</li>
 *   <li>else a built-in synthetic corpus — and then the lesson's real-text figures are not real.</li>
 * </ol>
 *
 * At most {@code maxTokens} tokens are read (the first ones), into memory. The choice is printed
 * as one line that starts with {@value #LABEL}, e.g.
 * {@code real-text corpus: text8, the first 4,000,000 tokens (pg_mix_4M is not on this machine)},
 * so that a reader (and {@code src/bin/binder-test}) can see which text every figure comes from.
 *
 * <pre>
 *   RealText text = RealText.choose("pg_mix_4M", 4_000_000, "kitchen");
 *   Vocabulary v = Vocabulary.of(text.corpus(), 5);
 * </pre>
 */
public final class RealText {
    /** How the printed line starts. */
    public static final String LABEL = "real-text corpus: ";

    /** Why text8 could not be had, per cache folder: a lesson tries the download once per session, not in every cell. */
    private static final Map<Path, String> TEXT8_UNAVAILABLE = new ConcurrentHashMap<>();

    private final String id;
    private final Corpus corpus;
    private final long tokens;
    private final boolean synthetic;
    private final String description;

    private RealText(String id, Corpus corpus, long tokens, boolean synthetic, String description) {
        this.id = id;
        this.corpus = corpus;
        this.tokens = tokens;
        this.synthetic = synthetic;
        this.description = description;
    }

    /** The first {@code maxTokens} tokens of the Gutenberg corpus, else of text8, else the built-in corpus; prints which. */
    public static RealText choose(String gutenbergId, long maxTokens, String builtInId) {
        return choose(gutenbergId, maxTokens, builtInId, Datasets.corpus(builtInId), Datasets.store(), System.out);
    }

    /** As {@link #choose(String, long, String)}, with a corpus made in the lesson as the last resort. */
    public static RealText choose(String gutenbergId, long maxTokens, String fallbackName, Corpus fallback) {
        return choose(gutenbergId, maxTokens, fallbackName, fallback, Datasets.store(), System.out);
    }

    static RealText choose(String gutenbergId, long maxTokens, String fallbackName, Corpus fallback,
                           DatasetStore store, PrintStream out) {
        Dataset gutenberg = Datasets.get(gutenbergId);
        if (gutenberg.kind() != Dataset.Kind.CORPUS || !gutenberg.id().startsWith("pg_")) {
            throw new IllegalArgumentException("'" + gutenbergId + "' is not a Project Gutenberg corpus: use one of "
                    + Datasets.all().stream().map(Dataset::id).filter(i -> i.startsWith("pg_")).toList());
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, got " + maxTokens);
        }
        RealText chosen = gutenberg(gutenbergId, maxTokens, store).orElse(null);
        if (chosen == null) {
            chosen = text8(gutenbergId, maxTokens, store);
        }
        if (chosen == null) {
            Head all = first(fallback, Long.MAX_VALUE);
            chosen = new RealText(fallbackName, Corpus.fromSentences(all.sentences()), all.tokens(), true,
                    "a BUILT-IN SYNTHETIC corpus, not real text: neither " + gutenbergId + " nor text8 is on this machine ("
                            + TEXT8_UNAVAILABLE.get(store.cache()) + "). The real-text figures below are made-up text's."
                            + " For real text, connect to the internet (text8 is downloaded once, 31 MB) or set APRICOT_DATA"
                            + " to a folder with corpora/" + gutenbergId + ".txt.gz.");
        }
        out.println(chosen);
        return chosen;
    }

    /** The first {@code maxTokens} tokens of a Gutenberg corpus if the local data folder or the cache has it (nothing is printed). */
    public static Optional<RealText> gutenberg(String id, long maxTokens) {
        return gutenberg(id, maxTokens, Datasets.store());
    }

    private static Optional<RealText> gutenberg(String id, long maxTokens, DatasetStore store) {
        Optional<Path> file = store.find(Datasets.get(id));
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Head head = first(TextCorpus.read(file.get()), maxTokens);
        return Optional.of(new RealText(id, Corpus.fromSentences(head.sentences()), head.tokens(), false,
                head.describe() + ", Project Gutenberg books"));
    }

    private static RealText text8(String insteadOf, long maxTokens, DatasetStore store) {
        if (TEXT8_UNAVAILABLE.containsKey(store.cache())) {
            return null;
        }
        Path file;
        try {
            file = store.path(Datasets.get(DatasetStore.TEXT8));
        } catch (DatasetUnavailableException e) {
            String why = e.getMessage() == null ? "text8 is unavailable"
                    : e.getMessage().lines().limit(2).map(String::strip).collect(java.util.stream.Collectors.joining(" "));
            TEXT8_UNAVAILABLE.put(store.cache(), why);
            return null;
        }
        Head head = first(TextCorpus.read(file), maxTokens);
        boolean standIn = store.testStandIn().filter(file::equals).isPresent();
        return new RealText("text8", Corpus.fromSentences(head.sentences()), head.tokens(), false,
                head.describe()
                        + (standIn ? ", a TEST STAND-IN for text8 (" + file + ", APRICOT_TEST_TEXT8)" : ", Wikipedia")
                        + "; " + insteadOf + " is not on this machine");
    }

    /** The first {@code maxTokens} tokens, whole sentences and the last one cut; {@code cut} says whether text was left over. */
    private record Head(List<List<String>> sentences, long tokens, boolean cut) {
        String describe() {
            return (cut ? "the first " : "all ") + String.format(Locale.ROOT, "%,d tokens", tokens);
        }
    }

    private static Head first(Corpus corpus, long maxTokens) {
        List<List<String>> out = new ArrayList<>();
        Map<String, String> canonical = new HashMap<>();   // one String per word type, not per token: 4M tokens fit in memory
        long n = 0;
        Iterator<List<String>> it = corpus.iterator();
        while (it.hasNext() && n < maxTokens) {
            List<String> sentence = it.next();
            int take = (int) Math.min(sentence.size(), maxTokens - n);
            List<String> kept = new ArrayList<>(take);
            for (String t : sentence.subList(0, take)) {
                kept.add(canonical.computeIfAbsent(t, x -> x));
            }
            out.add(kept);
            n += take;
            if (take < sentence.size()) {
                return new Head(out, n, true);
            }
        }
        return new Head(out, n, it.hasNext());
    }

    /** The dataset id: a Gutenberg corpus, "text8", or the fallback's name. */
    public String id() {
        return id;
    }

    /** The chosen text, in memory. */
    public Corpus corpus() {
        return corpus;
    }

    /** How many tokens were read. */
    public long tokens() {
        return tokens;
    }

    /** True when no real text was found and the built-in (made-up) corpus stands in. */
    public boolean isSynthetic() {
        return synthetic;
    }

    /** The line that {@link #choose} prints: {@value #LABEL}id, size, and where it comes from. */
    @Override
    public String toString() {
        return LABEL + id + (synthetic ? String.format(Locale.ROOT, " (%,d tokens), ", tokens) : ", ") + description;
    }
}
