package io.quantumgates.governor.daemon;

import io.quantumgates.common.logging.LogMarkers;
import io.quantumgates.governor.policy.LogLine;
import org.slf4j.Logger;

/** Prints {@link LogLine}s through SLF4J (CRITICAL = ERROR with the CRITICAL marker). */
final class Logs {
    private Logs() {}

    static void print(Logger log, LogLine line) {
        switch (line.level()) {
            case DEBUG -> log.debug(line.text());
            case INFO -> log.info(line.text());
            case WARNING -> log.warn(line.text());
            case ERROR -> log.error(line.text());
            case CRITICAL -> log.error(LogMarkers.CRITICAL, line.text());
        }
    }
}
