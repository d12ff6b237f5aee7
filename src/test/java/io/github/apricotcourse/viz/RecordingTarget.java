package io.github.apricotcourse.viz;

import java.util.ArrayList;
import java.util.List;

/** A stand-in notebook for tests: updates in place, and records "show …" and "update id-1 …" events. */
public final class RecordingTarget implements DisplayTarget {
    /** What was shown and updated, in order. */
    public final List<String> events = new ArrayList<>();

    @Override
    public String display(Object value) {
        events.add("show " + value);
        return "id-1";
    }

    @Override
    public void update(String id, Object value) {
        events.add("update " + id + " " + value);
    }

    @Override
    public boolean updatesInPlace() {
        return true;
    }
}
