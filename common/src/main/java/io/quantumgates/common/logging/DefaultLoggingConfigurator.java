package io.quantumgates.common.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.time.ZoneId;

/**
 * What logging looks like before {@link LoggingSetup#configure} runs (tests, early CLI errors): our text format at
 * INFO on stdout instead of Logback's DEBUG-everything default. Found through {@code META-INF/services}; ranked
 * below Logback's file lookup so a {@code logback-test.xml} or {@code -Dlogback.configurationFile} still wins.
 */
@ConfiguratorRank(ConfiguratorRank.NOMINAL - 5)
public final class DefaultLoggingConfigurator extends ContextAwareBase implements Configurator {
    public DefaultLoggingConfigurator() {}

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        LoggingSetup.configure(context, new TextLayout("", ZoneId.systemDefault()), Level.INFO, null);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
