package io.github.apricotcourse.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.apricotcourse.embed.Embeddings;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ExplorerTest {

    /** 300 words w0 … w299 in 3 clusters (TsneTest's clusters, 120 of them repeated with noise). */
    static Embeddings embeddings(int n) {
        List<String> words = new ArrayList<>();
        double[][] rows = new double[n][];
        double[][] base = TsneTest.clusters(5);
        for (int i = 0; i < n; i++) {
            words.add("w" + i);
            rows[i] = base[i % base.length].clone();
            rows[i][i % 10] += 0.01 * (i / base.length);
        }
        return Embeddings.of(words, rows);
    }

    private static JsonObject data(String html) {
        Matcher m = Pattern.compile("var D = (\\{.*?\\});\\n").matcher(html);
        assertTrue(m.find(), "the page carries the explorer's data");
        return new JsonParser().parse(m.group(1)).getAsJsonObject();
    }

    private static float[] floats(String base64) {
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getFloat();
        }
        return out;
    }

    @Test
    void thePageCarriesTheTopWordsUnitVectorsAndThePictures() {
        Embeddings e = embeddings(300);
        Explorer explorer = Explorer.of(e).top(200).neighbours(7).tsneWords(150).perplexity(10).highlight("w3");
        String html = FigureHtml.of(explorer, "fig", false);
        assertTrue(html.contains("id=\"fig_search\"") && html.contains("id=\"fig_neighbours\"")
                && html.contains("apricot-explorer-plot") && html.contains("t-SNE 2-D (top 150)"), html.substring(0, 800));
        JsonObject d = data(html);
        assertEquals(200, d.getAsJsonArray("words").size());
        assertEquals("w199", d.getAsJsonArray("words").get(199).getAsString());
        assertEquals(7, d.get("k").getAsInt());
        assertEquals("w3", d.get("start").getAsString());
        float[] vectors = floats(d.get("vectors").getAsString());
        assertEquals(200 * 10, vectors.length);
        for (int j = 0; j < 10; j++) {
            assertEquals(e.unit()[3 * 10 + j], vectors[3 * 10 + j]);
        }
        assertEquals(200 * 2, floats(d.get("pca2").getAsString()).length);
        assertEquals(200 * 3, floats(d.get("pca3").getAsString()).length);
        assertEquals(150 * 2, floats(d.get("tsne").getAsString()).length);
        assertEquals(150, explorer.tsne().points().length);
        // float32 in base64: 4 bytes × 4/3 per number, plus the words and the JSON around them
        long numbers = 200 * 10 + 200 * 2 + 200 * 3 + 150 * 2;
        assertTrue(explorer.pageBytes() > numbers * 16 / 3 && explorer.pageBytes() < numbers * 16 / 3 + 4_000,
                explorer.pageBytes() + " bytes");
        assertTrue(explorer.toString().startsWith("Neighbour explorer of 200 words × 10 dimensions (PCA 2-D and 3-D, "
                + "t-SNE of the top 150): 0.0 MB"), explorer.toString());
    }

    @Test
    void anExplorerIsARichFormAndTopTakesAllWordsWhenThereAreFewer() {
        Explorer explorer = Explorer.of(embeddings(40)).tsneWords(0);
        assertEquals(40, explorer.words());
        var bundle = MimeBundle.of(explorer).orElseThrow();
        assertTrue(bundle.data().get(MimeBundle.HTML).contains("class=\"apricot-figure apricot-explorer-plot\""));
        assertTrue(bundle.data().get(MimeBundle.TEXT).startsWith("Neighbour explorer of 40 words"));
        assertEquals(null, explorer.tsne());
        assertTrue(!bundle.data().get(MimeBundle.HTML).contains("t-SNE 2-D"));
    }

    @Test
    void clearErrors() {
        Explorer explorer = Explorer.of(embeddings(300)).top(100);
        var outside = assertThrows(IllegalArgumentException.class, () -> explorer.highlight("w150"));
        assertTrue(outside.getMessage().contains("outside the top 100"), outside.getMessage());
        assertThrows(RuntimeException.class, () -> explorer.highlight("apricot"));
        Explorer narrowed = Explorer.of(embeddings(300)).highlight("w150").top(100);
        var late = assertThrows(IllegalArgumentException.class, narrowed::pageBytes);
        assertTrue(late.getMessage().contains("'w150' is outside the top 100"), late.getMessage());
        assertThrows(IllegalArgumentException.class, () -> explorer.top(2));
        assertThrows(IllegalArgumentException.class, () -> explorer.neighbours(0));
        assertThrows(IllegalArgumentException.class, () -> explorer.tsneWords(50));
        var none = assertThrows(NullPointerException.class, () -> Explorer.of(null));
        assertTrue(none.getMessage().contains("model.embeddings()"));
    }
}
