package io.github.apricotcourse.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Batching and the per-cell cap, with the background thread replaced by explicit ticks. */
class CellOutputTest {

    private record Message(CellOutput.Stream stream, String text) {
    }

    private final List<Message> sent = new ArrayList<>();
    private final CellOutput output = new CellOutput((stream, text) -> sent.add(new Message(stream, text)), false);

    private String all() {
        StringBuilder b = new StringBuilder();
        sent.forEach(m -> b.append(m.text()));
        return b.toString();
    }

    @Test
    void linesWaitForTheNextTickAndGoTogether() {
        output.begin();
        for (int i = 0; i < 1000; i++) {
            output.out.println("line " + i);
            output.out.flush();
        }
        assertEquals(0, sent.size());
        output.tick();
        assertEquals(1, sent.size());
        assertTrue(sent.get(0).text().startsWith("line 0\nline 1\n") && sent.get(0).text().endsWith("line 999\n"));
        output.end();
        assertEquals(1, sent.size());
    }

    @Test
    void aBatchGoesWhenItIsFullWithoutWaitingForATick() {
        output.begin();
        output.out.print("x".repeat(CellOutput.BATCH_BYTES));
        assertEquals(1, sent.size());
        output.end();
    }

    @Test
    void aFloodIsCutAtTheLimitWithANoteSayingHowMuch() {
        output.begin();
        for (int i = 0; i < 20; i++) {
            output.out.print("y".repeat(1_000_000));
        }
        output.end();
        String shown = all();
        assertEquals(CellOutput.LIMIT_BYTES, shown.chars().filter(c -> c == 'y').count());
        assertTrue(shown.contains("\n\u2026 output cut here: this cell printed more than 1 MB, the limit per cell; "
                + "the rest is counted, not shown.\n"), shown.substring(shown.length() - 200));
        assertTrue(shown.endsWith("\u2026 18.1 MB of output cut (limit 1 MB per cell)\n"), shown.substring(shown.length() - 200));
        assertTrue(sent.size() <= CellOutput.LIMIT_BYTES / CellOutput.BATCH_BYTES + 3, sent.size() + " messages");

        sent.clear();
        output.begin();
        output.out.print("the next cell starts afresh");
        output.end();
        assertEquals("the next cell starts afresh", all());
    }

    @Test
    void aCharacterSplitAcrossWritesIsNeverSplitAcrossMessages() {
        byte[] eta = "\u03b7".getBytes(StandardCharsets.UTF_8);
        output.begin();
        output.out.write(eta, 0, 1);
        output.tick();
        output.out.write(eta, 1, 1);
        output.tick();
        output.end();
        assertEquals(List.of("\u03b7"), sent.stream().map(Message::text).toList());
    }

    @Test
    void streamsAndDisplaysKeepTheirOrder() {
        output.begin();
        output.out.print("first ");
        output.err.print("second ");
        output.inOrder(() -> sent.add(new Message(null, "[display] ")));
        output.out.print("third");
        output.end();
        assertEquals(List.of(new Message(CellOutput.Stream.OUT, "first "), new Message(CellOutput.Stream.ERR, "second "),
                new Message(null, "[display] "), new Message(CellOutput.Stream.OUT, "third")), sent);
    }

    @Test
    void sizesReadAsAPersonWouldSayThem() {
        assertEquals("512 bytes", CellOutput.size(512));
        assertEquals("1.5 KB", CellOutput.size(1536));
        assertEquals("1 MB", CellOutput.size(1 << 20));
        assertEquals("18.1 MB", CellOutput.size(20_000_000 - (1 << 20)));
    }
}
