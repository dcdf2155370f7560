package org.debindex.core.fetch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Sleeper} that only writes down how long it was asked to wait. Thread-safe. */
final class RecordingSleeper implements Sleeper {

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
    }

    /** The waits asked for, in order. */
    List<Duration> waits() {
        return List.copyOf(waits);
    }
}
