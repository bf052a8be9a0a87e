package io.quantumgates.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/install.sh staged into a temp root ({@code --root}: no user, no systemctl): files and modes, env files never
 * overwritten, a bad env file stops the upgrade before the jar is swapped, and a rollback restores the previous jar.
 */
class InstallScriptIT {
    static final Path INSTALL = Path.of("../deploy/install.sh").toAbsolutePath().normalize();

    @TempDir
    Path root;

    record Run(int exitCode, String output) {}

    private Run install(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", INSTALL.toString(), "--root", root.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    private Path opt(String name) {
        return root.resolve("opt/quantum-gates").resolve(name);
    }

    private Path etc(String name) {
        return root.resolve("etc/quantum").resolve(name);
    }

    /** A valid jar with different bytes, standing for the version installed before this one. */
    private static void markAsOlderVersion(Path jar) throws Exception {
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            Files.writeString(zip.getPath("/older-version.txt"), "installed before the upgrade");
        }
    }

    @Test
    void installCreatesJarsUnitsAndPrivateEnvFiles() throws Exception {
        Run run = install();

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(opt("quantum-governor.jar")).exists();
        assertThat(opt("quantum-heat-gate.jar")).exists();
        assertThat(root.resolve("etc/systemd/system/quantum-governor.service")).exists();
        assertThat(root.resolve("etc/systemd/system/quantum-portfolio-heat-gate.service")).exists();
        for (String env : List.of("governor.env", "portfolio-heat-gate.env")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(etc(env)))).isEqualTo("rw-r-----");
        }
        assertThat(run.output()).contains("Configuration OK");
    }

    @Test
    void anExistingEnvFileIsNeverOverwritten() throws Exception {
        install("governor");
        Files.writeString(etc("governor.env"), "GOV_MAX_OPEN_POSITIONS=7\n");

        Run again = install("governor");

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("kept existing");
        assertThat(Files.readString(etc("governor.env"))).isEqualTo("GOV_MAX_OPEN_POSITIONS=7\n");
    }

    @Test
    void aBadEnvFileStopsTheUpgradeBeforeTheJarIsSwapped() throws Exception {
        install("governor");
        Path jar = opt("quantum-governor.jar");
        Files.write(jar, new byte[] {1}, StandardOpenOption.APPEND); // "the version running now"
        byte[] running = Files.readAllBytes(jar);
        Files.writeString(etc("governor.env"), "GOV_MAX_OPEN_POSITIONS=ten\n");

        Run run = install("governor");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("GOV_MAX_OPEN_POSITIONS=ten  ERROR Invalid configuration: GOV_MAX_OPEN_POSITIONS='ten'");
        assertThat(Files.readAllBytes(jar)).isEqualTo(running);
        assertThat(opt(".quantum-governor.jar.new")).doesNotExist();
    }

    @Test
    void anUpgradeKeepsThePreviousJarAndRollbackRestoresIt() throws Exception {
        install("governor");
        Path jar = opt("quantum-governor.jar");
        markAsOlderVersion(jar);
        byte[] old = Files.readAllBytes(jar);

        Run upgrade = install("governor");
        assertThat(upgrade.exitCode()).as(upgrade.output()).isZero();
        assertThat(Files.readAllBytes(opt("previous/quantum-governor.jar"))).isEqualTo(old);
        assertThat(Files.readAllBytes(jar)).isNotEqualTo(old);

        Run rollback = install("--rollback", "governor");
        assertThat(rollback.exitCode()).as(rollback.output()).isZero();
        assertThat(Files.readAllBytes(jar)).isEqualTo(old);
    }
}
