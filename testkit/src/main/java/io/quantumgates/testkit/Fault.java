package io.quantumgates.testkit;

/** A fault FakeBinance injects into the answers of matching requests until cleared. */
public sealed interface Fault {
    /** Answer normally, but after this delay. */
    record Latency(long millis) implements Fault {}

    /** HTTP 500 with a Binance-style error body. */
    record ServerError() implements Fault {}

    /** HTTP 429, {@code Retry-After} seconds (omitted when negative), code -1003. */
    record RateLimited(int retryAfterSeconds) implements Fault {}

    /** HTTP 418, {@code Retry-After} seconds (omitted when negative), code -1003. */
    record IpBanned(int retryAfterSeconds) implements Fault {}

    /** Accept the request and never answer (the client times out). */
    record NoAnswer() implements Fault {}

    /** HTTP 200 with a body that is not JSON. */
    record Garbage() implements Fault {}

    /** Close the connection without answering (connection reset). */
    record Reset() implements Fault {}
}
