package io.quantumgates.governor.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One operator command run the way picocli runs it, with stdout, stderr and the exit code captured. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Everything printed, for "never printed" assertions. */
    String all() {
        return out + err;
    }
}
