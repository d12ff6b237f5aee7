package io.github.apricotcourse.viz;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.Trace;

/**
 * One figure per value of a parameter, computed in the kernel and shipped as a single plotly
 * figure with a slider and a play button: plotly's own {@code frames}, {@code layout.sliders}
 * and {@code layout.updatemenus}. Moving the slider swaps the traces in the browser, without a
 * kernel round-trip, so the figure works in the classic Notebook, JupyterLab, nbconvert's HTML
 * export and on IJava (via {@code Display.show}), offline like every Apricot figure.
 *
 * <pre>
 *   SliderFigure.over("α", List.of(0.0, 0.25, 0.5, 0.75, 1.0),
 *           a -&gt; Plots.barsLogScale("P_α(w), α = " + a, table(a), "word", "P_α(w)"))
 *       .frameMillis(600)
 * </pre>
 *
 * Every frame must draw the same traces (the same number, of the same types): frame i's trace t
 * replaces trace t. The axes are fixed to the range that holds every frame's numbers, so that
 * the frames can be compared by eye; with {@link #ownAxes()} each frame brings the ranges of its own numbers.
 * Each frame is a Tablesaw {@link Figure} (such as those of {@link Plots}); its traces and layout
 * are read from Tablesaw's plotly JavaScript with Gson.
 */
public final class SliderFigure {

    /** The most frames a slider holds (each frame is a whole figure's data in the page). */
    static final int MAX_FRAMES = 200;
    /** Room under the plot for the slider and the play button, in pixels. */
    static final int SLIDER_HEIGHT = 110;

    private final String parameter;
    private final List<String> labels;
    private final List<JsonArray> frameData;
    private final List<JsonObject> frameLayouts;
    private int frameMillis = 500;
    private boolean sharedAxes = true;

    private SliderFigure(String parameter, List<String> labels, List<JsonArray> frameData, List<JsonObject> frameLayouts) {
        this.parameter = parameter;
        this.labels = labels;
        this.frameData = frameData;
        this.frameLayouts = frameLayouts;
    }

    /**
     * Computes {@code figureFor.apply(v)} for each value v, in order, and makes one slider figure
     * of them; slider steps are labelled {@code String.valueOf(v)}.
     *
     * @param parameter the parameter's name, shown beside the slider (e.g. "α", "window L", "η")
     */
    public static <T> SliderFigure over(String parameter, List<T> values, Function<? super T, Figure> figureFor) {
        if (parameter == null || parameter.isBlank()) {
            throw new IllegalArgumentException("name the parameter the slider moves (e.g. \"α\"), got "
                    + (parameter == null ? "null" : "a blank name"));
        }
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("the slider over " + parameter + " has no values: give at least one "
                    + "(e.g. List.of(0.0, 0.5, 1.0))");
        }
        if (values.size() > MAX_FRAMES) {
            throw new IllegalArgumentException("the slider over " + parameter + " has " + values.size()
                    + " values; at most " + MAX_FRAMES + " fit in one page: take every n-th value");
        }
        Objects.requireNonNull(figureFor, "figureFor (the function from a value of " + parameter + " to its figure)");
        List<String> labels = new ArrayList<>();
        List<JsonArray> data = new ArrayList<>();
        List<JsonObject> layouts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (T value : values) {
            String label = String.valueOf(value);
            if (!seen.add(label)) {
                throw new IllegalArgumentException("the value " + parameter + " = " + label
                        + " appears twice: each slider step needs its own value");
            }
            Figure figure;
            try {
                figure = figureFor.apply(value);
            } catch (RuntimeException e) {
                throw new IllegalStateException("computing the figure for " + parameter + " = " + label
                        + " failed: " + e.getMessage(), e);
            }
            if (figure == null) {
                throw new IllegalArgumentException("the function gave no figure (null) for " + parameter + " = " + label);
            }
            JsonArray traces = traces(figure, parameter + " = " + label);
            if (!data.isEmpty()) {
                requireSameTraces(data.get(0), traces, parameter + " = " + labels.get(0), parameter + " = " + label);
            }
            labels.add(label);
            data.add(traces);
            layouts.add(figure.getLayout() == null ? new JsonObject() : jsObject(figure.getLayout().asJavascript(),
                    "var layout =", "the layout for " + parameter + " = " + label));
        }
        return new SliderFigure(parameter, List.copyOf(labels), data, layouts);
    }

    /** Milliseconds each frame is shown when the play button runs through them (default 500). */
    public SliderFigure frameMillis(int millis) {
        if (millis < 1 || millis > 60_000) {
            throw new IllegalArgumentException("frameMillis must be between 1 and 60000 ms, got " + millis);
        }
        frameMillis = millis;
        return this;
    }

    /** Gives each frame the axis ranges that hold its own numbers, instead of one range that holds every frame's. */
    public SliderFigure ownAxes() {
        sharedAxes = false;
        return this;
    }

    /** The number of frames (one per value). */
    public int frameCount() {
        return labels.size();
    }

    /** The slider's step labels, one per value, in order. */
    public List<String> labels() {
        return labels;
    }

    /** The parameter's name. */
    public String parameter() {
        return parameter;
    }

    /**
     * The whole plotly figure as JSON: {@code data} and {@code layout} of the first frame, with
     * the slider and play button in the layout, and every frame in {@code frames}.
     */
    public String json() {
        JsonObject layout = frameLayouts.get(0).deepCopy();
        List<JsonArray> first = frameData.subList(0, 1);
        fixRange(layout, "xaxis", "x", sharedAxes ? frameData : first);
        fixRange(layout, "yaxis", "y", sharedAxes ? frameData : first);
        int height = layout.has("height") ? layout.get("height").getAsInt() : 420;
        layout.addProperty("height", height + SLIDER_HEIGHT);
        JsonObject margin = new JsonObject();
        margin.addProperty("b", SLIDER_HEIGHT + 40);
        layout.add("margin", margin);
        layout.add("sliders", array(slider()));
        layout.add("updatemenus", array(playButtons()));

        JsonArray frames = new JsonArray();
        for (int i = 0; i < labels.size(); i++) {
            JsonObject frame = new JsonObject();
            frame.addProperty("name", labels.get(i));
            frame.add("data", frameData.get(i));
            JsonObject frameLayout = new JsonObject();
            if (frameLayouts.get(i).has("title")) {
                frameLayout.add("title", frameLayouts.get(i).get("title"));
            }
            if (!sharedAxes) {   // plotly's animate does not autorange: each frame brings its own ranges
                List<JsonArray> own = frameData.subList(i, i + 1);
                fixRange(frameLayout, "xaxis", "x", own);
                fixRange(frameLayout, "yaxis", "y", own);
            }
            frame.add("layout", frameLayout);
            frames.add(frame);
        }
        JsonObject figure = new JsonObject();
        figure.add("data", frameData.get(0));
        figure.add("layout", layout);
        figure.add("frames", frames);
        return figure.toString();
    }

    @Override
    public String toString() {
        return "Slider figure (plotly) over " + parameter + " = " + String.join(", ", labels)
                + ": shown in a notebook";
    }

    /** A slider step per frame; each step animates to its frame at once. */
    private JsonObject slider() {
        JsonArray steps = new JsonArray();
        for (String label : labels) {
            JsonObject step = new JsonObject();
            step.addProperty("label", label);
            step.addProperty("method", "animate");
            step.add("args", array(array(new JsonPrimitive(label)), animation(0, "immediate")));
            steps.add(step);
        }
        JsonObject currentValue = new JsonObject();
        currentValue.addProperty("prefix", parameter + " = ");
        currentValue.addProperty("visible", true);
        JsonObject slider = new JsonObject();
        slider.addProperty("active", 0);
        slider.add("steps", steps);
        slider.add("currentvalue", currentValue);
        slider.addProperty("x", 0.1);
        slider.addProperty("len", 0.9);
        slider.addProperty("y", 0);
        slider.addProperty("yanchor", "top");
        slider.add("pad", pad(50, 10));
        return slider;
    }

    /** ▶ runs through the frames from the current one; ❚❚ stops. */
    private JsonObject playButtons() {
        JsonObject play = new JsonObject();
        play.addProperty("label", "▶");
        play.addProperty("method", "animate");
        JsonObject playOptions = animation(frameMillis, "immediate");
        playOptions.addProperty("fromcurrent", true);
        play.add("args", array(JsonNull.INSTANCE, playOptions));
        JsonObject pause = new JsonObject();
        pause.addProperty("label", "❚❚");
        pause.addProperty("method", "animate");
        pause.add("args", array(array(JsonNull.INSTANCE), animation(0, "immediate")));
        JsonObject menu = new JsonObject();
        menu.addProperty("type", "buttons");
        menu.addProperty("direction", "left");
        menu.addProperty("showactive", false);
        menu.addProperty("x", 0.1);
        menu.addProperty("xanchor", "right");
        menu.addProperty("y", 0);
        menu.addProperty("yanchor", "top");
        menu.add("pad", pad(60, 10));
        menu.add("buttons", array(play, pause));
        return menu;
    }

    private static JsonObject animation(int frameMillis, String mode) {
        JsonObject frame = new JsonObject();
        frame.addProperty("duration", frameMillis);
        frame.addProperty("redraw", true);
        JsonObject transition = new JsonObject();
        transition.addProperty("duration", 0);
        JsonObject options = new JsonObject();
        options.addProperty("mode", mode);
        options.add("frame", frame);
        options.add("transition", transition);
        return options;
    }

    private static JsonObject pad(int top, int right) {
        JsonObject pad = new JsonObject();
        pad.addProperty("t", top);
        pad.addProperty("r", right);
        return pad;
    }

    /**
     * Fixes {@code layout[axis].range} to hold the numbers on that axis in the given frames, with
     * 5% to spare; a range the figure set itself is kept, and category axes are left to plotly.
     */
    private void fixRange(JsonObject layout, String axis, String coordinate, List<JsonArray> frames) {
        JsonObject axisLayout = layout.has(axis) && layout.get(axis).isJsonObject()
                ? layout.getAsJsonObject(axis) : new JsonObject();
        JsonObject firstAxis = frameLayouts.get(0).has(axis) && frameLayouts.get(0).get(axis).isJsonObject()
                ? frameLayouts.get(0).getAsJsonObject(axis) : new JsonObject();
        if (firstAxis.has("range")) {
            return;
        }
        boolean log = firstAxis.has("type") && "log".equals(firstAxis.get("type").getAsString());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean bars = false;
        for (JsonArray traces : frames) {
            for (JsonElement trace : traces) {
                bars |= type(trace).equals("bar");
                JsonElement values = trace.getAsJsonObject().get(coordinate);
                if (values == null || !values.isJsonArray()) {
                    continue;
                }
                for (JsonElement v : values.getAsJsonArray()) {
                    Double number = number(v);
                    if (number == null) {
                        return;   // a category axis (words): plotly places the categories itself
                    }
                    double x = number;
                    if (log) {
                        x = x > 0 ? Math.log10(x) : Double.NaN;
                    }
                    if (Double.isFinite(x)) {
                        lo = Math.min(lo, x);
                        hi = Math.max(hi, x);
                    }
                }
            }
        }
        if (!(lo <= hi)) {
            return;
        }
        boolean fromZero = bars && !log && coordinate.equals("y") && lo >= 0;   // bars stand on zero
        if (fromZero) {
            lo = 0;
        }
        double spare = hi > lo ? 0.05 * (hi - lo) : Math.max(1e-9, Math.abs(hi) * 0.05 + (log ? 0.5 : 0));
        JsonArray range = new JsonArray();
        range.add(fromZero ? 0 : lo - spare);
        range.add(hi + spare);
        axisLayout.add("range", range);
        axisLayout.addProperty("autorange", false);
        layout.add(axis, axisLayout);
    }

    /**
     * The number in a trace's coordinate, or null for a category. Tablesaw writes some numbers
     * as strings ("150.0"), which plotly reads as numbers too; "NaN" and "Infinity" are gaps.
     */
    private static Double number(JsonElement v) {
        if (v.isJsonNull()) {
            return Double.NaN;
        }
        if (!v.isJsonPrimitive() || v.getAsJsonPrimitive().isBoolean()) {
            return null;
        }
        String text = v.getAsString().strip();
        if (text.equals("NaN") || text.endsWith("Infinity")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A Tablesaw figure as plotly JSON: {@code {"data": [traces], "layout": {...}}}. */
    static JsonObject figureJson(Figure figure) {
        JsonObject json = new JsonObject();
        Trace[] traces = figure.getTraces();
        json.add("data", traces == null || traces.length == 0 ? new JsonArray() : traces(figure, "the figure"));
        json.add("layout", figure.getLayout() == null ? new JsonObject()
                : jsObject(figure.getLayout().asJavascript(), "var layout =", "the figure's layout"));
        return json;
    }

    /** The figure's traces as plotly JSON, read from Tablesaw's {@code var traceN = {...};}. */
    private static JsonArray traces(Figure figure, String frame) {
        Trace[] traces = figure.getTraces();
        if (traces == null || traces.length == 0) {
            throw new IllegalArgumentException("the figure for " + frame + " has no traces: draw something in every frame");
        }
        JsonArray array = new JsonArray();
        for (int i = 0; i < traces.length; i++) {
            array.add(jsObject(traces[i].asJavascript(i).strip(), "var trace" + i + " =", "trace " + i + " of " + frame));
        }
        return array;
    }

    private static void requireSameTraces(JsonArray first, JsonArray other, String firstFrame, String otherFrame) {
        if (first.size() != other.size()) {
            throw new IllegalArgumentException("the figure for " + otherFrame + " has " + other.size()
                    + " trace(s) but the one for " + firstFrame + " has " + first.size()
                    + ": every frame must draw the same traces (frame by frame, trace t replaces trace t)");
        }
        for (int t = 0; t < first.size(); t++) {
            String a = type(first.get(t));
            String b = type(other.get(t));
            if (!a.equals(b)) {
                throw new IllegalArgumentException("trace " + t + " is a " + b + " for " + otherFrame + " but a " + a
                        + " for " + firstFrame + ": every frame must draw the same kinds of traces in the same order");
            }
        }
    }

    private static String type(JsonElement trace) {
        JsonElement type = trace.getAsJsonObject().get("type");
        return type == null ? "scatter" : type.getAsString();
    }

    /**
     * Tablesaw's JavaScript object literal ({@code var name = {...};}, unquoted keys, single
     * quotes, trailing commas) as a JSON object. Gson reads the first two leniently; the
     * trailing commas are dropped here.
     */
    static JsonObject jsObject(String script, String prefix, String what) {
        String s = script.strip();
        if (s.startsWith(prefix)) {
            s = s.substring(prefix.length()).strip();
        }
        if (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1);
        }
        try {
            JsonElement e = new JsonParser().parse(withoutTrailingCommas(s));
            if (!e.isJsonObject()) {
                throw new JsonParseException("not an object");
            }
            return e.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalStateException("Could not read " + what + " from Tablesaw's plotly JavaScript ("
                    + e.getMessage() + "): " + s.substring(0, Math.min(120, s.length())), e);
        }
    }

    /** Drops each comma that is followed (after blanks) by } or ], outside quoted strings. */
    static String withoutTrailingCommas(String js) {
        StringBuilder out = new StringBuilder(js.length());
        char quote = 0;
        for (int i = 0; i < js.length(); i++) {
            char c = js.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && i + 1 < js.length()) {
                    out.append(js.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == ',') {
                int j = i + 1;
                while (j < js.length() && Character.isWhitespace(js.charAt(j))) {
                    j++;
                }
                if (j < js.length() && (js.charAt(j) == '}' || js.charAt(j) == ']')) {
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static JsonArray array(JsonElement... elements) {
        JsonArray a = new JsonArray();
        for (JsonElement e : elements) {
            a.add(e);
        }
        return a;
    }
}
