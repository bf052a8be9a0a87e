package io.quantumgates.heatgate.cli;

import io.quantumgates.common.format.PyFloat;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import io.quantumgates.common.config.ConfigException;
import io.quantumgates.common.config.Env;
import io.quantumgates.common.redis.RedisConnector;
import io.quantumgates.heatgate.HeatGateConfig;
import io.quantumgates.heatgate.heat.Heat;
import io.quantumgates.heatgate.heat.PortfolioHeat;
import io.quantumgates.heatgate.heat.PortfolioView;
import io.quantumgates.heatgate.redis.EquityReader;
import io.quantumgates.heatgate.redis.Keys;
import io.quantumgates.heatgate.redis.SnapshotFeed;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the gate sees right now: mode, thresholds, the group's lag and pending count, the last 10 outputs, and the heat
 * computed from the same inputs the daemon uses (snapshot stream back to the max age, {@code equity_usd}).
 */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show mode, group lag, heat and recent outputs.")
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        HeatGateConfig config;
        try {
            config = HeatGateConfig.from(Env.system(), HeatGateConfig.defaultConsumerName());
        } catch (ConfigException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        try (RedisConnector connector = new RedisConnector(config.redis())) {
            RedisCommands<String, String> redis = connector.shared().sync();
            out.println("Mode: " + config.mode());
            out.println("Heat Thresholds: COLD < " + PyFloat.format(config.thresholds().min()) + " < WARM < "
                    + PyFloat.format(config.thresholds().max()) + " < HOT");
            out.println("Redis: " + config.redis().hostPort() + "/" + config.redis().db());
            out.println("Group: " + group(redis));
            PortfolioView view = new PortfolioView(config.snapshotMaxAgeSec() * 1000L);
            try (SnapshotFeed feed = new SnapshotFeed(connector::connect, view, config.snapshotMaxAgeSec() * 1000L,
                    InstantSource.system(), () -> {})) {
                feed.backfill();
            }
            Heat heat = PortfolioHeat.of(view.exposure(System.currentTimeMillis()), new EquityReader(redis).read(),
                    config.thresholds());
            out.println("Heat: " + heat.formatted() + " (" + heat.bucket() + ") status=" + heat.status().code()
                    + " equity_usd=" + (heat.equity().isEmpty() ? "(missing)" : heat.equity())
                    + " symbols=" + heat.symbols());
            List<StreamMessage<String, String>> last = redis.xrevrange(Keys.CALIBRATED, Range.unbounded(), Limit.from(10));
            out.println("Last " + last.size() + " outputs (" + Keys.CALIBRATED + "):");
            for (StreamMessage<String, String> m : last) {
                Map<String, String> f = m.getBody();
                out.println("  " + m.getId() + " " + f.get("plan_id") + " " + f.get("symbol") + " "
                        + f.get("original_action") + " -> " + f.get("calibrated_action") + " heat=" + f.get("heat_value")
                        + " " + f.get("heat_bucket") + " reason=" + f.get("reason") + " mode=" + f.get("mode"));
            }
            out.flush();
            return 0;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("Status failed: " + e.getMessage());
            return 1;
        }
    }

    /** {@code lag=… pending=… consumers=…} from XINFO GROUPS, or why it is absent. */
    private static String group(RedisCommands<String, String> redis) {
        List<Object> groups;
        try {
            groups = redis.xinfoGroups(Keys.PROPOSALS);
        } catch (RuntimeException e) {
            return Keys.GROUP + " on " + Keys.PROPOSALS + ": absent (" + e.getMessage() + ")";
        }
        for (Object g : groups) {
            if (!(g instanceof List<?> fields)) {
                continue;
            }
            String name = null;
            String pending = "?";
            String lag = "?";
            String consumers = "?";
            for (int i = 0; i + 1 < fields.size(); i += 2) {
                String key = String.valueOf(fields.get(i));
                String value = String.valueOf(fields.get(i + 1));
                switch (key) {
                    case "name" -> name = value;
                    case "pending" -> pending = value;
                    case "lag" -> lag = value;
                    case "consumers" -> consumers = value;
                    default -> {}
                }
            }
            if (Keys.GROUP.equals(name)) {
                return Keys.GROUP + " on " + Keys.PROPOSALS + ": lag=" + lag + " pending=" + pending
                        + " consumers=" + consumers;
            }
        }
        return Keys.GROUP + " on " + Keys.PROPOSALS + ": absent";
    }
}
