package io.quantumgates.common.binance;

/** What kind of failure a call ended in; {@code metricStatus} is the {@code status} label of requests metrics. */
public enum BinanceError {
    TIMESTAMP_OUTSIDE_RECV_WINDOW("http_4xx"), // -1021
    BAD_SIGNATURE("http_4xx"), // -1022
    AUTH_REJECTED("http_4xx"), // 401, -2014, -2015
    RATE_LIMITED("http_429"), // 429
    IP_BANNED("http_418"), // 418
    NOT_FOUND("http_4xx"), // 404
    CLIENT_ERROR("http_4xx"), // other 4xx
    SERVER_ERROR("http_5xx"), // 5xx
    TIMEOUT("timeout"),
    IO_ERROR("io_error"), // reset, refused
    PARSE_ERROR("parse_error"); // garbage body, missing fields

    private final String metricStatus;

    BinanceError(String metricStatus) {
        this.metricStatus = metricStatus;
    }

    public String metricStatus() {
        return metricStatus;
    }
}
