package app.go.testing;

import app.go.domain.port.MessageQueue;

/** A MessageQueue that fails before the send ({@code <name>.send.before}) or after it ({@code <name>.send.after}: sent, then a crash). */
public final class FaultyQueue implements MessageQueue {
    private final MessageQueue delegate;
    private final FaultPlan plan;
    private final String name;

    public FaultyQueue(MessageQueue delegate, FaultPlan plan, String name) {
        this.delegate = delegate;
        this.plan = plan;
        this.name = name;
    }

    @Override
    public void send(Object body, String groupId, String deduplicationId) {
        plan.at(name + ".send.before");
        delegate.send(body, groupId, deduplicationId);
        plan.at(name + ".send.after");
    }
}
