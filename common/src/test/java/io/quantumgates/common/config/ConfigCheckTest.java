package io.quantumgates.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigCheckTest {
    /** A small daemon config: two typed reads and the Redis settings, like the real ones. */
    private static final ConfigCheck.Loader LOADER = env -> {
        env.integer("X_MAX", 10, 0, 100);
        env.oneOf("X_MODE", "a", "a", "b");
        RedisSettings.from(env);
        return List.of("startup warning");
    };

    private static String report(Map<String, String> vars, boolean expectValid) {
        StringWriter text = new StringWriter();
        boolean valid = ConfigCheck.report("x.env", "Xd", vars, LOADER, List.of("X_"), new PrintWriter(text));
        assertThat(valid).isEqualTo(expectValid);
        return text.toString();
    }

    @Test
    void everyBadVariableIsNamedNotOnlyTheFirst() {
        String out = report(Map.of("X_MAX", "lots", "X_MODE", "c"), false);

        assertThat(out).contains("  X_MAX=lots  ERROR Invalid configuration: X_MAX='lots'")
                .contains("  X_MODE=c  ERROR Invalid configuration: X_MODE='c'")
                .contains("Configuration INVALID: 2 error(s); the daemon would exit 2");
    }

    @Test
    void secretsAndUrlPasswordsAreNeverPrintedEvenWithASlashInThePassword() {
        String out = report(Map.of("REDIS_URL", "redis://app:pa/ss-SECRET1@10.0.0.5:6379/0",
                "REDIS_PASSWORD", "SECRET2", "X_API_KEY", "SECRET3"), true);

        assertThat(out).doesNotContain("SECRET1", "SECRET2", "SECRET3").contains("REDIS_PASSWORD=***")
                .contains("REDIS_URL=redis://app:***@10.0.0.5:6379/0");
    }

    @Test
    void typosInTheDaemonsPrefixAreWarnedOthersIgnoredAndWarningsShown() {
        String out = report(Map.of("X_MAXX", "5", "PATH", "/usr/bin"), true);

        assertThat(out).contains("  X_MAXX=5  WARNING unknown variable, ignored by the Xd (check the spelling)")
                .contains("  PATH=/usr/bin  not a Xd variable (ignored)")
                .contains("  X_MAX=(unset: default)  OK")
                .contains("WARNING startup warning")
                .endsWith("Configuration OK\n");
    }
}
