package io.sluice.pipeline;

/** How an event settled once every one of its outputs did. */
public enum Outcome {
    /** Every output reached its sink. */
    DELIVERED,
    /** At least one output was written to the dead-letter store with its cause; none is lost. */
    DEAD_LETTERED,
    /** No route took the event; it is counted and acknowledged. */
    UNROUTED
}
