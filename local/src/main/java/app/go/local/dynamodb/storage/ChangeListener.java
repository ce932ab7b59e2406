package app.go.local.dynamodb.storage;

import java.util.List;

/** Told of every applied group of changes, in commit order, while the writer still holds the lock. */
public interface ChangeListener {
    void applied(List<Change> changes, long atMillis);
}
