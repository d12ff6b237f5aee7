package io.github.apricotcourse.check;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;

/**
 * How many checks passed and failed in this kernel session, each counted every time it ran and
 * never reset ({@link Score#tally()}). The grader reads it before and after each check cell, so
 * that a check cell only earns points when real checks ran in it and none failed. It travels from
 * the kernel to the grader as one line of JSON, {@code {"passed":3,"failed":0}}, written and read
 * here only.
 */
public record Tally(long passed, long failed) {
    public Tally {
        if (passed < 0 || failed < 0) {
            throw new IllegalArgumentException("a tally counts checks, so it cannot be negative: passed=" + passed + " failed=" + failed);
        }
    }

    /** The checks that ran since {@code before}: this tally minus that one. */
    public Tally since(Tally before) {
        return new Tally(passed - before.passed, failed - before.failed);
    }

    /** One line of JSON: {@code {"passed":3,"failed":0}}. */
    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("passed", passed);
        o.addProperty("failed", failed);
        return o.toString();
    }

    /** The tally {@link #toJson} wrote; anything else is an {@link IllegalArgumentException} that quotes it. */
    public static Tally fromJson(String json) {
        try {
            JsonObject o = new Gson().fromJson(json, JsonObject.class);
            if (o == null) {
                throw new IllegalArgumentException("not a tally of checks: an empty text");
            }
            if (o.size() != 2 || !o.has("passed") || !o.has("failed")) {
                throw new IllegalArgumentException("a tally has exactly \"passed\" and \"failed\", got " + json);
            }
            return new Tally(o.get("passed").getAsLong(), o.get("failed").getAsLong());
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
            throw new IllegalArgumentException("not a tally of checks: " + json + " (" + e.getMessage() + ")", e);
        }
    }
}
