package io.quantumgates.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFileTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("governor.env");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void readsSystemdEnvironmentFileSyntax() throws IOException {
        Path f = file("""
                # Governor
                ; also a comment

                APPLY_MODE=testnet
                  GOV_MAX_OPEN_POSITIONS = 10
                export GOV_KILL_SCORE_CRITICAL=0.8
                GOV_CONSUMER_NAME="gov a"
                BINANCE_API_SECRET='a#b$c"d'
                ESCAPED="say \\"hi\\" \\\\ ok"
                EMPTY=
                URL=redis://:p=w@host:6379/0
                REF=$HOME
                APPLY_MODE=production
                """);
        assertThat(EnvFile.parse(f))
                .containsEntry("APPLY_MODE", "production")
                .containsEntry("GOV_MAX_OPEN_POSITIONS", "10")
                .containsEntry("GOV_KILL_SCORE_CRITICAL", "0.8")
                .containsEntry("GOV_CONSUMER_NAME", "gov a")
                .containsEntry("BINANCE_API_SECRET", "a#b$c\"d")
                .containsEntry("ESCAPED", "say \"hi\" \\ ok")
                .containsEntry("EMPTY", "")
                .containsEntry("URL", "redis://:p=w@host:6379/0")
                .containsEntry("REF", "$HOME")
                .hasSize(9);
    }

    @Test
    void windowsLineEndingsAndByteOrderMarkAreTolerated() throws IOException {
        assertThat(EnvFile.parse(file("\uFEFFA=1\r\nB=2\r\n"))).containsEntry("A", "1").containsEntry("B", "2");
    }

    @Test
    void aLineWithoutEqualsIsRejectedNamingTheLineButNotItsText() throws IOException {
        Path f = file("A=1\n# ok\nBINANCE_API_SECRET hunter2\n");
        assertThatThrownBy(() -> EnvFile.parse(f))
                .isInstanceOf(EnvFile.EnvFileException.class)
                .hasMessage("Invalid env file " + f + " line 3: expected NAME=VALUE")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void badNamesAndQuotesAreRejectedWithTheirLineNumber() throws IOException {
        assertThatThrownBy(() -> EnvFile.parse(file("1A=x\n")))
                .hasMessageEndingWith("line 1: invalid variable name");
        assertThatThrownBy(() -> EnvFile.parse(file("A=1\nB=\"open\n")))
                .hasMessageEndingWith("line 2: unterminated quote");
        assertThatThrownBy(() -> EnvFile.parse(file("A='x' y\n")))
                .hasMessageEndingWith("line 1: text after closing quote")
                .extracting(e -> ((EnvFile.EnvFileException) e).line())
                .isEqualTo(1);
    }

    @Test
    void parsedFileFeedsEnvLikeTheRealEnvironment() throws IOException {
        Env env = new Env(EnvFile.parse(file("GOV_MAX_OPEN_POSITIONS=ten\n")));
        assertThatThrownBy(() -> env.integer("GOV_MAX_OPEN_POSITIONS", 10, 0, Integer.MAX_VALUE))
                .hasMessage("Invalid configuration: GOV_MAX_OPEN_POSITIONS='ten' (expected integer >= 0)");
    }
}
