package io.quantumgates.governor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/grafana/quantum-gates.json queries only the contract's metric names (§3.11, §4.8), and all of them. */
class GrafanaDashboardTest {
    static final Path DASHBOARD = Path.of("../deploy/grafana/quantum-gates.json");
    static final Set<String> CONTRACT_METRICS = Set.of(
            "quantum_govern_allow_total", "quantum_govern_block_total", "quantum_govern_disarm_total",
            "quantum_govern_exec_count_hour", "quantum_govern_exec_count_5min", "quantum_govern_decisions_total",
            "quantum_govern_skip_total", "quantum_govern_duplicate_total", "quantum_govern_dlq_total",
            "quantum_govern_decision_latency_seconds", "quantum_govern_stream_lag_seconds",
            "quantum_govern_exchange_snapshot_age_seconds", "quantum_govern_exchange_weight_used",
            "quantum_govern_exchange_requests_total", "quantum_govern_positions_open",
            "quantum_govern_total_notional_usdt", "quantum_govern_reservations", "quantum_govern_reserved_notional_usdt",
            "quantum_govern_kill_switch", "quantum_govern_disarmed",
            "p26_heat_value", "p26_bucket", "p26_actions_downgraded_total", "p26_proposals_processed_total",
            "p26_failures_total", "p26_stream_lag_ms", "p26_enforce_mode", "p26_hash_writes_total",
            "p26_hash_write_fail_total", "p26_dlq_total", "p26_heat_fail_closed", "p26_snapshot_symbols");
    private static final Pattern METRIC = Pattern.compile("\\b(quantum_govern_[a-z0-9_]+|p26_[a-z0-9_]+)");

    private static Set<String> queriedMetrics() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        Set<String> names = new TreeSet<>();
        for (JsonNode expr : dashboard.findValues("expr")) {
            Matcher m = METRIC.matcher(expr.asText());
            while (m.find()) {
                String name = m.group(1);
                // a histogram's series (not p26_bucket, a gauge whose name happens to end so)
                names.add(CONTRACT_METRICS.contains(name) ? name : name.replaceAll("_bucket$", ""));
            }
        }
        return names;
    }

    @Test
    void dashboardQueriesOnlyContractMetrics() throws Exception {
        assertThat(CONTRACT_METRICS).containsAll(queriedMetrics());
    }

    @Test
    void dashboardShowsEveryContractMetric() throws Exception {
        assertThat(queriedMetrics()).containsAll(CONTRACT_METRICS);
    }
}
