package io.github.apricotcourse.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The built-in corpora of {@code datasets/}: small made-up worlds whose statistics make one
 * phenomenon of the chapter visible after about a second of training. Each sentence is drawn
 * from a handful of templates, so the co-occurrence counts that the chapter reasons about are
 * built in on purpose:
 *
 * <ul>
 *   <li>{@code kitchen.txt} — apricot, jam, tablespoon and pinch (JM §6.8's "lemon, a tablespoon
 *       of apricot jam, a pinch"), next to a computing topic (JM §6.3's cherry/strawberry vs
 *       digital/information table): nearest neighbours are topical.</li>
 *   <li>{@code associates.txt} — first- vs second-order co-occurrence (JM §6.5): "wrote" appears
 *       beside book, poem, letter; "said" never appears in a sentence with "wrote", yet both
 *       follow the same subjects and precede "that", so their vectors end up close.</li>
 *   <li>{@code analogies.txt} — the parallelogram model (JM §6.10): gender pairs
 *       (king/queen, man/woman, …), capital–country pairs (paris/france, …) and plurals
 *       (cat/cats, …), each word's contexts = what the pair shares + what the relation adds.</li>
 *   <li>{@code senses.txt} — one vector for two senses: bank (river / money), apple (fruit /
 *       company), bat (animal / baseball) each used half the time in either sense.</li>
 *   <li>{@code windows.txt} — window size (JM §6.8): horse, pony, mule and donkey share their
 *       immediate neighbours ("rode the __ past"), while saddle, hay and stable occur a few words
 *       away from horse only: short windows give substitutes, long windows topical words.</li>
 * </ul>
 *
 * Generation is deterministic: {@link java.util.Random} (whose algorithm Java specifies) seeded
 * with {@link #SEED}, one generator per corpus, so the same seed always gives the same bytes.
 * Regenerate (after {@code mvn -q package -DskipTests}):
 * {@code java -cp 'target/apricot.jar:target/lib/*' io.github.apricotcourse.data.SyntheticWorld datasets}.
 */
public final class SyntheticWorld {
    /** The seed of the committed files in {@code datasets/}. */
    public static final long SEED = 6;

    private final Random random;
    private final List<String> lines = new ArrayList<>();

    private SyntheticWorld(long seed) {
        this.random = new Random(seed);
    }

    /** Every built-in corpus, file name → its lines (one sentence per line), for a seed. */
    public static Map<String, List<String>> corpora(long seed) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put("kitchen.txt", new SyntheticWorld(seed).kitchen());
        out.put("associates.txt", new SyntheticWorld(seed).associates());
        out.put("analogies.txt", new SyntheticWorld(seed).analogies());
        out.put("senses.txt", new SyntheticWorld(seed).senses());
        out.put("windows.txt", new SyntheticWorld(seed).windows());
        return out;
    }

    /** Writes every built-in corpus into {@code folder} (created if needed), one file each. */
    public static void write(Path folder, long seed) {
        try {
            Files.createDirectories(folder);
            for (Map.Entry<String, List<String>> e : corpora(seed).entrySet()) {
                Files.writeString(folder.resolve(e.getKey()), String.join("\n", e.getValue()) + "\n",
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the built-in corpora into " + folder
                    + ": " + e.getMessage() + ". Check that the folder is writable.", e);
        }
    }

    /** Regenerates the built-in corpora: {@code SyntheticWorld [FOLDER]} (default {@code datasets}). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new Regenerate()).execute(args));
    }

    /** The command line of {@link #main}, parsed by picocli. */
    @Command(name = "SyntheticWorld", description = "Writes the built-in corpora, generated with seed " + SEED + ", into FOLDER.")
    private static final class Regenerate implements Callable<Integer> {
        @Parameters(paramLabel = "FOLDER", arity = "0..1", defaultValue = "datasets",
                description = "where to write them (default ${DEFAULT-VALUE})")
        private Path folder;
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        private boolean help;

        @Override
        public Integer call() {
            write(folder, SEED);
            System.out.println("wrote " + corpora(SEED).keySet() + " into " + folder + " (seed " + SEED + ")");
            return 0;
        }
    }

    // ---------------------------------------------------------------- kitchen

    private static final String[] FRUITS = {"apricot", "peach", "plum", "cherry", "strawberry", "lemon"};
    private static final String[] PRESERVES = {"jam", "jam", "jam", "jelly", "marmalade"};
    private static final String[] MEASURES = {"tablespoon", "teaspoon", "cup", "spoonful"};
    private static final String[] SPICES = {"salt", "sugar", "cinnamon", "nutmeg"};
    private static final String[] BAKES = {"pie", "tart", "cake", "toast"};
    private static final String[] DEVICES = {"computer", "laptop", "server", "phone"};
    private static final String[] DATA = {"data", "information", "files", "software"};
    private static final String[] DIGITAL = {"digital", "electronic", "online", "network"};

    private List<String> kitchen() {
        for (int i = 0; i < 3000; i++) {
            switch (random.nextInt(10)) {
                case 0 -> add("lemon, a tablespoon of apricot jam, a pinch of " + pick(SPICES));
                case 1 -> add("stir a " + pick(MEASURES) + " of " + pick(FRUITS) + " " + pick(PRESERVES)
                        + " into the " + pick(BAKES) + " with a pinch of " + pick(SPICES));
                case 2 -> add("spread the " + pick(random.nextBoolean() ? FRUITS : PRESERVES) + " on the warm "
                        + pick(BAKES));
                case 3 -> add("she baked a " + pick(FRUITS) + " " + pick(BAKES) + " with " + pick(SPICES)
                        + " and " + pick(FRUITS) + " " + pick(PRESERVES));
                case 4 -> add("add a pinch of " + pick(SPICES) + " and a " + pick(MEASURES) + " of "
                        + pick(random.nextBoolean() ? FRUITS : PRESERVES));
                case 5 -> add("the " + pick(DEVICES) + " stores " + pick(DIGITAL) + " " + pick(DATA)
                        + " on the " + pick(DEVICES));
                case 6 -> add("copy the " + pick(DATA) + " from the " + pick(DEVICES) + " to the "
                        + pick(DIGITAL) + " " + pick(DEVICES));
                case 7 -> add("a " + pick(DIGITAL) + " " + pick(DEVICES) + " can search " + pick(DATA)
                        + " quickly");
                case 8 -> add("a jar of apricot jam and a " + pick(MEASURES) + " of " + pick(SPICES));
                default -> background();
            }
        }
        return lines;
    }

    // ------------------------------------------------------------- associates

    private static final String[] SUBJECTS = {"he", "she", "they", "the author", "the old man",
        "my sister", "the teacher", "his friend"};
    private static final String[] WRITINGS = {"book", "poem", "letter", "novel", "essay", "story"};
    private static final String[] TOPICS = {"the war", "the sea", "her childhood", "love", "the city"};

    private List<String> associates() {
        for (int i = 0; i < 3000; i++) {
            String who = pick(SUBJECTS);
            String verb = random.nextBoolean() ? "wrote" : "said";
            String clause = "the " + pick(NOUNS) + " was " + pick(ADJECTIVES);
            switch (random.nextInt(6)) {
                case 0 -> add(who + " wrote a " + pick(WRITINGS) + " about " + pick(TOPICS));
                case 1 -> add(who + " " + verb + " that " + clause);
                case 2 -> add(who + " " + verb + " to " + pick(SUBJECTS) + " that " + clause);
                case 3 -> add("as " + who + " " + verb + " , " + clause);
                case 4 -> add(pick(SUBJECTS) + " read the " + pick(WRITINGS) + " about " + pick(TOPICS));
                default -> background();
            }
        }
        return lines;
    }

    // -------------------------------------------------------------- analogies

    /** Male / female word and the contexts the pair shares. */
    private static final String[][] GENDER_PAIRS = {
        {"king", "queen", "throne crown"}, {"prince", "princess", "castle horse"},
        {"man", "woman", "street work"}, {"boy", "girl", "school games"},
        {"father", "mother", "family dinner"}, {"son", "daughter", "garden toys"},
        {"brother", "sister", "room bicycle"}, {"uncle", "aunt", "farm visit"},
        {"husband", "wife", "wedding ring"}, {"nephew", "niece", "birthday cousin"}};
    /** Capital / country and the nationality that both share. */
    private static final String[][] CAPITALS = {
        {"paris", "france", "french"}, {"rome", "italy", "italian"}, {"berlin", "germany", "german"},
        {"madrid", "spain", "spanish"}, {"tokyo", "japan", "japanese"}, {"athens", "greece", "greek"},
        {"lisbon", "portugal", "portuguese"}, {"cairo", "egypt", "egyptian"},
        {"moscow", "russia", "russian"}, {"warsaw", "poland", "polish"}};
    /** Singular / plural and what both do. */
    private static final String[][] PLURALS = {
        {"cat", "cats", "purr chase mice"}, {"dog", "dogs", "bark fetch bones"},
        {"bird", "birds", "sing build nests"}, {"car", "cars", "drive need fuel"},
        {"boat", "boats", "sail cross lakes"}, {"tree", "trees", "grow drop leaves"},
        {"book", "books", "teach fill shelves"}, {"house", "houses", "shelter have roofs"},
        {"star", "stars", "shine fill skies"}, {"flower", "flowers", "bloom smell sweet"}};

    private List<String> analogies() {
        for (int i = 0; i < 6000; i++) {
            switch (random.nextInt(3)) {
                case 0 -> {
                    String[] pair = GENDER_PAIRS[random.nextInt(GENDER_PAIRS.length)];
                    boolean female = random.nextBoolean();
                    String who = pair[female ? 1 : 0];
                    String[] shared = pair[2].split(" ");
                    String he = female ? "she" : "he";
                    String his = female ? "her" : "his";
                    switch (random.nextInt(3)) {
                        case 0 -> add("the " + who + " said " + he + " liked " + his + " " + pick(shared));
                        case 1 -> add(he + " is the " + who + " of the " + pick(shared));
                        default -> add("the " + who + " and " + his + " " + pick(shared) + " " + he + " said");
                    }
                }
                case 1 -> {
                    String[] c = CAPITALS[random.nextInt(CAPITALS.length)];
                    switch (random.nextInt(5)) {
                        case 0 -> add(c[0] + " is the capital city of " + c[1]);
                        case 1 -> add("the streets of the city of " + c[0] + " are full of " + c[2] + " people");
                        case 2 -> add("we flew to the city of " + c[0] + " and heard " + c[2] + " spoken");
                        case 3 -> add("the country of " + c[1] + " has a " + c[2] + " government and border");
                        default -> add("the border of the country of " + c[1] + " is guarded by " + c[2]
                                + " soldiers");
                    }
                }
                default -> {
                    String[] n = PLURALS[random.nextInt(PLURALS.length)];
                    String verb = n[2];
                    if (random.nextBoolean()) {
                        String det = pick(new String[] {"one", "a", "this", "that"});
                        add(det + " " + n[0] + " " + pick(new String[] {"is", "was"}) + " here and it can "
                                + verb.split(" ")[random.nextInt(3)]);
                    } else {
                        String det = pick(new String[] {"two", "many", "these", "those"});
                        add(det + " " + n[1] + " " + pick(new String[] {"are", "were"}) + " here and they can "
                                + verb.split(" ")[random.nextInt(3)]);
                    }
                }
            }
        }
        return lines;
    }

    // ----------------------------------------------------------------- senses

    private static final String[][] SENSES = {
        {"bank", "river water shore fishing mud stream", "money loan deposit cash account interest"},
        {"apple", "juicy orchard ripe fruit pie", "company software shares computer phone"},
        {"bat", "cave wings night flies insects", "baseball swing pitcher ball hit"}};

    private List<String> senses() {
        for (int i = 0; i < 4000; i++) {
            if (random.nextInt(4) == 0) {
                background();
                continue;
            }
            String[] s = SENSES[random.nextInt(SENSES.length)];
            String[] sense = s[1 + random.nextInt(2)].split(" ");
            String word = random.nextInt(3) == 0 ? s[0] : pick(sense);
            List<String> words = new ArrayList<>(List.of(word, pick(sense), pick(sense), pick(sense)));
            Collections.shuffle(words, random);
            add("the " + words.get(0) + " and the " + words.get(1) + " with " + words.get(2) + " and "
                    + words.get(3));
        }
        return lines;
    }

    // ---------------------------------------------------------------- windows

    /** Animal, and its topical words (which occur a few words away from it, never next to it). */
    private static final String[][] ANIMALS = {
        {"horse", "saddle stable hay bridle"}, {"pony", "child fair ribbon meadow"},
        {"mule", "mine cart load mountain"}, {"donkey", "market village basket olive"}};

    private List<String> windows() {
        for (int i = 0; i < 3000; i++) {
            if (random.nextInt(3) == 0) {
                background();
                continue;
            }
            String[] a = ANIMALS[random.nextInt(ANIMALS.length)];
            String[] topic = a[1].split(" ");
            String verb = pick(new String[] {"rode the", "fed the", "led the", "brushed the"});
            add(pick(SUBJECTS) + " " + verb + " " + a[0] + " past the " + pick(ADJECTIVES) + " " + pick(NOUNS)
                    + " with a " + pick(topic) + " and a " + pick(topic));
        }
        return lines;
    }

    // ------------------------------------------------------------- background

    private static final String[] NOUNS = {"road", "window", "table", "door", "hill", "lamp", "coat",
        "shop", "train", "chair", "clock", "field", "wall", "bridge", "coin", "rope", "stone", "box",
        "ship", "key", "bell", "flag", "map", "bag", "fence", "cloud", "path", "tower", "drum", "wheel"};
    private static final String[] ADJECTIVES = {"old", "new", "small", "large", "red", "blue", "dark",
        "bright", "quiet", "heavy", "broken", "empty", "narrow", "wide", "cold", "warm", "green", "tall"};
    private static final String[] VERBS = {"opened", "closed", "painted", "moved", "found", "lost",
        "carried", "cleaned", "fixed", "sold", "bought", "watched", "pushed", "pulled", "dropped"};

    /** A plain sentence about everyday things, so that the phenomenon's words stand out. */
    private void background() {
        add(pick(SUBJECTS) + " " + pick(VERBS) + " the " + pick(ADJECTIVES) + " " + pick(NOUNS)
                + " near the " + pick(NOUNS));
    }

    // ---------------------------------------------------------------- helpers

    private void add(String sentence) {
        lines.add(sentence);
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
