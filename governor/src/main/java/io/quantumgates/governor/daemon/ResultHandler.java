package io.quantumgates.governor.daemon;

import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.common.redis.DeadLetterReason;
import io.quantumgates.common.redis.EntryHandler;
import io.quantumgates.common.redis.StreamEntry;
import io.quantumgates.governor.redis.ReleaseScript;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code apply.result} through group {@code governor_results}: ends or marks filled the plan's reservation. */
final class ResultHandler implements EntryHandler {
    static final String GROUP = "governor_results";
    private static final Logger log = LoggerFactory.getLogger("governor");

    private final Supplier<RedisCommands<String, String>> redis;
    private final ReleaseScript release = new ReleaseScript();

    ResultHandler(Supplier<RedisCommands<String, String>> redis) {
        this.redis = redis;
    }

    @Override
    public void handle(StreamEntry entry) {
        String r = release.run(redis.get(), entry);
        if (!"none".equals(r)) {
            log.debug("Reservation of plan {} {}", entry.fields().get("plan_id"), r);
        }
    }

    @Override
    public void deadLetter(StreamEntry entry, DeadLetterReason reason) {
        // Results carry no decision: a result we cannot read only costs a reservation its early end (TTL ends it).
        redis.get().xack(entry.stream(), entry.group(), entry.id());
        log.warn("Result entry {} of {} dropped ({})", entry.id(), entry.stream(), reason.code());
    }
}
