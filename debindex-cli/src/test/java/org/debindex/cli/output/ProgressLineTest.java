package org.debindex.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private final StringWriter err = new StringWriter();
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final ProgressLine line = new ProgressLine(new PrintWriter(err), clock::get);

    @Test
    void redrawsInPlaceAtMostTenTimesASecond() {
        line.update("pool", 1, 200);
        line.update("pool", 2, 200);                        // same instant: dropped
        clock.addAndGet(ProgressLine.INTERVAL_NANOS - 1);
        line.update("pool", 3, 200);                        // still too soon
        clock.addAndGet(1);
        line.update("pool", 150, 200);
        assertEquals("\rpool: 1 of 200 (0%)\rpool: 150 of 200 (75%)", err.toString());
    }

    @Test
    void aShorterLinePadsOverTheLongerOneAndClearLeavesNothingBehind() {
        line.update("pool", 10000, 10000);
        clock.addAndGet(ProgressLine.INTERVAL_NANOS);
        line.update("pool", 9, 10);
        line.clear();
        String first = "pool: 10000 of 10000 (100%)";
        String second = "pool: 9 of 10 (90%)";
        assertEquals("\r" + first + "\r" + second + " ".repeat(first.length() - second.length())
                + "\r" + " ".repeat(second.length()) + "\r", err.toString());
    }

    @Test
    void clearWithoutALineWritesNothingAndAnUnknownTotalHasNoPercentage() {
        line.clear();
        assertEquals("", err.toString());
        line.update("index\u001b", 3, 0);
        assertEquals("\rindex\\u001b: 3 of 0", err.toString());
    }

    @Test
    void showDrawsAStepAsItIsMadeSafeAndThrottled() {
        line.show("file:/m/ trixie: fetching\u001b 3 index files");
        line.show("dropped: same instant");
        clock.addAndGet(ProgressLine.INTERVAL_NANOS);
        line.show("ok");
        String first = "file:/m/ trixie: fetching\\u001b 3 index files";
        assertEquals("\r" + first + "\rok" + " ".repeat(first.length() - 2), err.toString());
    }
}
