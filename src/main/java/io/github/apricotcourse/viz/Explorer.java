package io.github.apricotcourse.viz;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.github.apricotcourse.embed.Embeddings;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A neighbour explorer for word vectors, drawn offline in the notebook: type a word and see its
 * k nearest neighbours by cosine, highlighted in a 2-D or 3-D PCA picture or a t-SNE picture,
 * with every word's label on hover. Like the Embedding Projector, but inside the notebook.
 *
 * <pre>
 *   Explorer.of(model.embeddings()).top(5000).highlight("king")
 * </pre>
 *
 * The kernel computes the pictures ({@link Projection#pca(double[][], int)}, {@link Tsne}); the
 * browser computes the neighbours, cos(w, x) = w · x for unit vectors, over the top n words, whose
 * unit vectors travel in the page as little-endian float32, base64 ({@link #pageBytes()} tells the
 * size). Nothing needs the kernel once drawn, so it works in nbconvert's HTML export as well as
 * in the classic Notebook, JupyterLab and IJava (registered in {@link RichRenderers}).
 */
public final class Explorer {

    /** The most words an explorer carries (the page grows by 4·d bytes × 4/3 per word). */
    static final int MAX_WORDS = 50_000;

    private final Embeddings embeddings;
    private int top = 5_000;
    private int neighbours = 10;
    private int tsneWords = 1_000;
    private double perplexity = 30;
    private long seed = 1;
    private String highlight;
    private Drawing drawing;   // computed once, on first use

    private Explorer(Embeddings embeddings) {
        this.embeddings = embeddings;
    }

    /** An explorer of these embeddings: top 5,000 words, 10 neighbours, t-SNE of the top 1,000. */
    public static Explorer of(Embeddings embeddings) {
        Objects.requireNonNull(embeddings, "the embeddings to explore are null: pass e.g. model.embeddings()");
        if (embeddings.size() < 3 || embeddings.dimension() < 3) {
            throw new IllegalArgumentException("the explorer needs at least 3 words of at least 3 dimensions (for a 3-D "
                    + "PCA), got " + embeddings.size() + " × " + embeddings.dimension());
        }
        return new Explorer(embeddings);
    }

    /** Explores the first n words (the most frequent, for trained or frequency-sorted vectors); all of them if fewer. */
    public Explorer top(int n) {
        if (n < 3 || n > MAX_WORDS) {
            throw new IllegalArgumentException("top(n) takes 3 to " + MAX_WORDS + " words, got " + n);
        }
        top = n;
        drawing = null;
        return this;
    }

    /** How many nearest neighbours the list shows and the picture highlights. */
    public Explorer neighbours(int k) {
        if (k < 1 || k > 100) {
            throw new IllegalArgumentException("neighbours(k) takes 1 to 100, got " + k);
        }
        neighbours = k;
        return this;
    }

    /**
     * The t-SNE picture holds the first n of the explored words (exact t-SNE visits n² pairs per
     * step: 1,000 words take seconds, 5,000 minutes); 0 leaves t-SNE out.
     */
    public Explorer tsneWords(int n) {
        if (n != 0 && (n < 100 || n > Tsne.MAX_POINTS)) {
            throw new IllegalArgumentException("tsneWords(n) takes 0 (no t-SNE) or 100 to " + Tsne.MAX_POINTS + ", got " + n);
        }
        tsneWords = n;
        drawing = null;
        return this;
    }

    /** The t-SNE perplexity (see {@link Tsne#perplexity(double)}). */
    public Explorer perplexity(double perplexity) {
        Tsne.create().perplexity(perplexity);   // checks the range
        this.perplexity = perplexity;
        drawing = null;
        return this;
    }

    /** The seed of the t-SNE starting points. */
    public Explorer seed(long seed) {
        this.seed = seed;
        drawing = null;
        return this;
    }

    /** The word searched when the explorer opens. */
    public Explorer highlight(String word) {
        Objects.requireNonNull(word, "the word to highlight is null: pass one of the explored words, e.g. \"king\"");
        int i = embeddings.index(word);   // throws a clear error for an unknown word
        if (i >= Math.min(top, embeddings.size())) {
            throw new IllegalArgumentException("'" + word + "' is word " + (i + 1) + " by frequency, outside the top "
                    + Math.min(top, embeddings.size()) + " explored: raise top(n) or pick a more frequent word");
        }
        highlight = word;
        return this;
    }

    /** The number of words explored. */
    public int words() {
        return Math.min(top, embeddings.size());
    }

    /** The size of the explorer's own data in the page (without plotly.js), in bytes. */
    public long pageBytes() {
        return drawing().data().length();
    }

    /** The t-SNE result behind the picture (null if t-SNE was left out). */
    public Tsne.Result tsne() {
        return drawing().tsne();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Neighbour explorer of %,d words × %d dimensions (PCA 2-D and 3-D%s): "
                        + "%.1f MB of data in the page, shown in a notebook", words(), embeddings.dimension(),
                tsneWords == 0 ? "" : String.format(Locale.ROOT, ", t-SNE of the top %,d", Math.min(tsneWords, words())),
                pageBytes() / 1e6);
    }

    /** The controls above the plot: a search box, the view, the neighbour list (ids prefixed with {@code id}). */
    String controls(String id) {
        String tsneOption = drawing().tsne() == null ? ""
                : "<option value=\"tsne\">t-SNE 2-D (top " + String.format(Locale.ROOT, "%,d", drawing().tsneCount()) + ")</option>";
        return "<style>#" + id + "_explorer .apricot-explorer-plot { flex: 1; min-width: 0; }</style>\n"
                + "<div class=\"apricot-explorer\" id=\"" + id + "_explorer\" style=\"font-family:sans-serif;font-size:13px\">\n"
                + "<div style=\"margin:4px 0\"><input type=\"search\" id=\"" + id + "_search\" class=\"apricot-explorer-search\""
                + " placeholder=\"a word, e.g. " + Html.escape(firstWord()) + "\" style=\"width:14em\" autocomplete=\"off\"> "
                + "<select id=\"" + id + "_view\" class=\"apricot-explorer-view\"><option value=\"pca2\">PCA 2-D</option>"
                + "<option value=\"pca3\">PCA 3-D</option>" + tsneOption + "</select> "
                + "<span id=\"" + id + "_status\" class=\"apricot-explorer-status\" style=\"color:#555\"></span></div>\n"
                + "<div style=\"display:flex;align-items:flex-start\"><ol id=\"" + id + "_neighbours\" "
                + "class=\"apricot-explorer-neighbours\" style=\"min-width:11em;margin:0 8px 0 0;padding-left:2em\"></ol>\n";
    }

    /** Closes what {@link #controls(String)} opened, after the plot's div. */
    static String closing() {
        return "</div></div>\n";
    }

    /** The JavaScript that draws into the div {@code id} once plotly.js is loaded. */
    String drawingCode(String id) {
        return "var D = " + drawing().data().replace("</", "<\\/") + ";\n"
                + "var ID = '" + id + "';\n" + EXPLORER_JS;
    }

    private String firstWord() {
        return highlight != null ? highlight : embeddings.words().get(0);
    }

    private Drawing drawing() {
        if (drawing == null) {
            drawing = draw();
        }
        return drawing;
    }

    /** What the page carries, as one JSON object, and the t-SNE result. */
    private record Drawing(String data, Tsne.Result tsne, int tsneCount) {
    }

    private Drawing draw() {
        int n = words();
        if (highlight != null && embeddings.index(highlight) >= n) {
            throw new IllegalArgumentException("'" + highlight + "' is outside the top " + n + " words explored (top("
                    + top + ") was set after highlight): raise top(n) or highlight a more frequent word");
        }
        int d = embeddings.dimension();
        float[] unit = embeddings.unit();
        double[][] rows = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                rows[i][j] = unit[i * d + j];
            }
        }
        JsonObject data = new JsonObject();
        data.add("words", new Gson().toJsonTree(embeddings.words().subList(0, n)));
        data.addProperty("dimension", d);
        data.addProperty("k", neighbours);
        data.addProperty("start", firstWord());
        data.addProperty("vectors", float32(unit, n * d));
        double[][] xyz = Projection.pca(rows, 3);                   // its first two columns are the 2-D PCA
        double[][] xy = new double[n][];
        for (int i = 0; i < n; i++) {
            xy[i] = java.util.Arrays.copyOf(xyz[i], 2);
        }
        data.addProperty("pca2", float32(xy));
        data.addProperty("pca3", float32(xyz));
        Tsne.Result tsne = null;
        int tsneCount = Math.min(tsneWords, n);
        if (tsneWords > 0 && tsneCount > 3 * perplexity) {
            double[][] first = java.util.Arrays.copyOf(rows, tsneCount);
            tsne = Tsne.create().perplexity(perplexity).seed(seed).fit(first);
            data.addProperty("tsne", float32(tsne.points()));
            data.addProperty("tsneCount", tsneCount);
        } else {
            tsneCount = 0;
        }
        return new Drawing(data.toString(), tsne, tsneCount);
    }

    /** The first count floats, little-endian float32, base64. */
    private static String float32(float[] values, int count) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * count).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            bytes.putFloat(values[i]);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /** Points (rows of equal length), row by row, as float32 base64. */
    private static String float32(double[][] points) {
        int width = points[0].length;
        float[] flat = new float[points.length * width];
        for (int i = 0; i < points.length; i++) {
            for (int c = 0; c < width; c++) {
                flat[i * width + c] = (float) points[i][c];
            }
        }
        return float32(flat, flat.length);
    }

    /**
     * The browser's half: decode the vectors, find the k nearest neighbours of the searched word
     * by dot product of unit vectors, and draw the chosen picture with plotly (all words grey, the
     * neighbours red, the word black). A click on a point or a neighbour searches that word.
     */
    private static final String EXPLORER_JS = """
            var el = function (suffix) { return document.getElementById(ID + suffix); };
            var plot = el(''), search = el('_search'), view = el('_view'), list = el('_neighbours'), status = el('_status');
            var floats = function (b64) {
              var bin = atob(b64), view = new DataView(new ArrayBuffer(bin.length));
              for (var i = 0; i < bin.length; i++) { view.setUint8(i, bin.charCodeAt(i)); }
              var out = new Float32Array(bin.length / 4);
              for (var j = 0; j < out.length; j++) { out[j] = view.getFloat32(4 * j, true); }
              return out;
            };
            var words = D.words, n = words.length, d = D.dimension, vectors = floats(D.vectors);
            var points = {pca2: floats(D.pca2), pca3: floats(D.pca3), tsne: D.tsne ? floats(D.tsne) : null};
            var index = {};
            words.forEach(function (w, i) { index[w] = i; });
            var current = -1, found = [];
            var nearest = function (q) {
              var scores = [];
              for (var i = 0; i < n; i++) {
                if (i === q) { continue; }
                var s = 0;
                for (var j = 0; j < d; j++) { s += vectors[q * d + j] * vectors[i * d + j]; }
                scores.push([s, i]);
              }
              scores.sort(function (a, b) { return b[0] - a[0]; });
              return scores.slice(0, D.k);
            };
            var coordinates = function (kind, ids) {
              var width = kind === 'pca3' ? 3 : 2, p = points[kind], count = kind === 'tsne' ? D.tsneCount : n;
              var c = {x: [], y: [], z: [], text: [], ids: []};
              ids.forEach(function (i) {
                if (i >= count) { return; }
                c.x.push(p[i * width]); c.y.push(p[i * width + 1]);
                if (width === 3) { c.z.push(p[i * width + 2]); }
                c.text.push(words[i]); c.ids.push(i);
              });
              return c;
            };
            var trace = function (kind, ids, marker, mode) {
              var c = coordinates(kind, ids);
              var t = {type: kind === 'pca3' ? 'scatter3d' : 'scatter', mode: mode, x: c.x, y: c.y, text: c.text,
                       customdata: c.ids, hoverinfo: 'text', marker: marker, textposition: 'top center', showlegend: false};
              if (kind === 'pca3') { t.z = c.z; }
              return t;
            };
            var draw = function () {
              var kind = view.value, all = [];
              var count = kind === 'tsne' ? D.tsneCount : n;
              for (var i = 0; i < count; i++) { all.push(i); }
              var small = kind === 'pca3' ? 2 : 4;
              var data = [trace(kind, all, {size: small, color: '#bbbbbb'}, 'markers'),
                          trace(kind, found.map(function (f) { return f[1]; }), {size: small + 4, color: '#d62728'}, 'markers+text'),
                          trace(kind, current < 0 ? [] : [current], {size: small + 8, color: 'black'}, 'markers+text')];
              var title = (kind === 'tsne' ? 't-SNE' : kind === 'pca3' ? 'PCA, 3-D' : 'PCA, 2-D') + ' of ' + count + ' words'
                          + (current < 0 ? '' : ': ' + words[current] + ' and its ' + D.k + ' nearest neighbours');
              Plotly.react(plot, data, {title: {text: title}, height: 520, hovermode: 'closest',
                                        margin: {l: 30, r: 10, t: 40, b: 30}});
            };
            var show = function (word) {
              word = word.trim().toLowerCase();
              if (!(word in index)) {
                var prefix = words.filter(function (w) { return w.indexOf(word) === 0; }).slice(0, 5);
                status.textContent = word === '' ? '' : '"' + word + '" is not among the top ' + n + ' words'
                    + (prefix.length ? '; try ' + prefix.join(', ') : '');
                return;
              }
              current = index[word];
              found = nearest(current);
              list.innerHTML = '';
              found.forEach(function (f) {
                var li = document.createElement('li');
                li.className = 'apricot-explorer-neighbour';
                li.textContent = words[f[1]] + ' (' + f[0].toFixed(3) + ')';
                li.style.cursor = 'pointer';
                li.onclick = function () { search.value = words[f[1]]; show(words[f[1]]); };
                list.appendChild(li);
              });
              status.textContent = 'cosine over ' + n + ' words, computed in this page'
                  + (view.value === 'tsne' && current >= D.tsneCount ? '; ' + words[current] + ' is not in the t-SNE picture' : '');
              draw();
            };
            // Keys typed in the box are the box's: the classic Notebook must not read them as shortcuts.
            ['keydown', 'keypress', 'keyup'].forEach(function (type) {
              search.addEventListener(type, function (e) { e.stopPropagation(); });
            });
            if (window.Jupyter && Jupyter.keyboard_manager) { Jupyter.keyboard_manager.register_events(search); }
            search.addEventListener('input', function () { show(search.value); });
            view.addEventListener('change', function () { if (current < 0) { draw(); } else { show(words[current]); } });
            search.value = D.start;
            show(D.start);
            if (current < 0) { draw(); }
            plot.on('plotly_click', function (e) {
              var p = e.points[0];
              if (p && p.customdata !== undefined) { search.value = words[p.customdata]; show(words[p.customdata]); }
            });
            """;
}
