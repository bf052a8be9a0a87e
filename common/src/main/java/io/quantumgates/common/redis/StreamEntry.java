package io.quantumgates.common.redis;

import java.util.Map;

/**
 * One entry read from a stream through a consumer group.
 *
 * @param fields in stream order; empty when the entry was trimmed away while pending (Redis returns it without fields)
 * @param deliveries how many times Redis has delivered it, this delivery included (1 on a first read)
 */
public record StreamEntry(String stream, String group, String id, Map<String, String> fields, long deliveries) {
    public StreamEntry {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }

    /** Milliseconds part of the entry id (the time Redis added it). */
    public long idMillis() {
        int dash = id.indexOf('-');
        return Long.parseLong(dash < 0 ? id : id.substring(0, dash));
    }
}
