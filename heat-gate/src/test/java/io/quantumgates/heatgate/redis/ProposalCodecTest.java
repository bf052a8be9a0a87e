package io.quantumgates.heatgate.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProposalCodecTest {
    private static final UUID TRACE = UUID.fromString("3b241101-e2bb-4255-8caf-4136c566a962");
    private final ProposalCodec codec = new ProposalCodec(() -> TRACE);

    private Decoded decode(Map<String, String> fields) {
        return codec.decode("1769472300000-0", 1769472300000L, fields);
    }

    private Proposal ok(Map<String, String> fields) {
        Decoded d = decode(fields);
        assertThat(d).isInstanceOf(Decoded.Ok.class);
        return ((Decoded.Ok) d).proposal();
    }

    @Test
    void realProducerShapeDerivesPlanIdFromTheEntryIdAndReadsHarvestAction() {
        Proposal p = ok(Map.of("symbol", "ETHUSDT", "harvest_action", "FULL_CLOSE_PROPOSED", "sigma", "0.2"));
        assertThat(p.planId()).isEqualTo("p26-1769472300000-0");
        assertThat(p.action()).isEqualTo("FULL_CLOSE_PROPOSED");
        assertThat(p.traceId()).isEqualTo(TRACE.toString());
        assertThat(p.sigma()).contains(new BigDecimal("0.2"));
    }

    @Test
    void actionWinsOverHarvestActionAndGivenIdsAreKept() {
        Proposal p = ok(Map.of("plan_id", "test1", "symbol", "ETHUSDT", "action", " PARTIAL_50 ",
                "harvest_action", "FULL_CLOSE_PROPOSED", "trace_id", "t-1"));
        assertThat(p.planId()).isEqualTo("test1");
        assertThat(p.action()).isEqualTo("PARTIAL_50");
        assertThat(p.traceId()).isEqualTo("t-1");
        assertThat(p.sigma()).isEqualTo(Optional.empty());
    }

    @Test
    void newTraceIdsAreRandomUuidsV4() {
        Decoded d = ProposalCodec.withRandomTraceIds().decode("1-0", 1, Map.of("symbol", "ETHUSDT", "action", "HOLD"));
        assertThat(UUID.fromString(((Decoded.Ok) d).proposal().traceId()).version()).isEqualTo(4);
    }

    @Test
    void missingOrBadFieldsAreDeadLetteredWithTheirReason() {
        assertThat(decode(Map.of("action", "FULL_CLOSE"))).isEqualTo(new Decoded.Rejected("missing_symbol"));
        assertThat(decode(Map.of("symbol", " ", "action", "FULL_CLOSE"))).isEqualTo(new Decoded.Rejected("missing_symbol"));
        assertThat(decode(Map.of("symbol", "eth-usdt", "action", "FULL_CLOSE")))
                .isEqualTo(new Decoded.Rejected("invalid_symbol"));
        assertThat(decode(Map.of("symbol", "E", "action", "FULL_CLOSE"))).isEqualTo(new Decoded.Rejected("invalid_symbol"));
        assertThat(decode(Map.of("symbol", "ETHUSDT"))).isEqualTo(new Decoded.Rejected("missing_action"));
        assertThat(decode(Map.of("symbol", "ETHUSDT", "action", "", "harvest_action", "")))
                .isEqualTo(new Decoded.Rejected("missing_action"));
    }

    @Test
    void aValueOverEightKilobytesIsDeadLetteredAsOversized() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("symbol", "ETHUSDT");
        fields.put("action", "FULL_CLOSE");
        fields.put("note", "x".repeat(8193));
        assertThat(decode(fields)).isEqualTo(new Decoded.Rejected("oversized_field"));
        fields.put("note", "x".repeat(8192));
        assertThat(decode(fields)).isInstanceOf(Decoded.Ok.class);
        fields.put("note", "é".repeat(4097)); // 8194 bytes in UTF-8
        assertThat(decode(fields)).isEqualTo(new Decoded.Rejected("oversized_field"));
    }
}
