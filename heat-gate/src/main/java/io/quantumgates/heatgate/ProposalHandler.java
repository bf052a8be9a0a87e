package io.quantumgates.heatgate;

import io.quantumgates.common.redis.DeadLetterReason;
import io.quantumgates.common.redis.EntryHandler;
import io.quantumgates.common.redis.StreamEntry;
import io.quantumgates.heatgate.calibration.Calibration;
import io.quantumgates.heatgate.calibration.ExitCalibrator;
import io.quantumgates.heatgate.calibration.LogLines;
import io.quantumgates.heatgate.calibration.ShadowCompareLine;
import io.quantumgates.heatgate.heat.Heat;
import io.quantumgates.heatgate.heat.HeatThresholds;
import io.quantumgates.heatgate.heat.PortfolioHeat;
import io.quantumgates.heatgate.heat.PortfolioView;
import io.quantumgates.heatgate.redis.CalibratedWriter;
import io.quantumgates.heatgate.redis.DeadLetterWriter;
import io.quantumgates.heatgate.redis.Decoded;
import io.quantumgates.heatgate.redis.EquityReader;
import io.quantumgates.heatgate.redis.Keys;
import io.quantumgates.heatgate.redis.Proposal;
import io.quantumgates.heatgate.redis.ProposalCodec;
import io.quantumgates.heatgate.redis.WriteResult;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Proposal in, one calibrated entry (or dead letter) out; equity is read once per batch. */
final class ProposalHandler implements EntryHandler {
    private static final Logger log = LoggerFactory.getLogger("io.quantumgates.heatgate");

    private final ProposalCodec codec;
    private final PortfolioView view;
    private final HeatThresholds thresholds;
    private final EquityReader equityReader;
    private final CalibratedWriter writer;
    private final DeadLetterWriter deadLetters;
    private final HeatGateMetrics metrics;
    private final FailClosedWarnings failClosedWarnings;
    private final InstantSource clock;
    private final boolean enforce;
    private volatile Optional<String> equity = Optional.empty();
    /** This batch's entries as beforeBatch left them, by entry id; only the consume thread touches it. */
    private final Map<String, Prepared> prepared = new HashMap<>();

    ProposalHandler(ProposalCodec codec, PortfolioView view, HeatThresholds thresholds, EquityReader equityReader,
            CalibratedWriter writer, DeadLetterWriter deadLetters, HeatGateMetrics metrics,
            FailClosedWarnings failClosedWarnings, InstantSource clock, boolean enforce) {
        this.codec = codec;
        this.view = view;
        this.thresholds = thresholds;
        this.equityReader = equityReader;
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.failClosedWarnings = failClosedWarnings;
        this.clock = clock;
        this.enforce = enforce;
    }

    /**
     * Equity once per batch (contract §4.1), then every entry decided in order and its script call sent ahead:
     * {@link #handle} only waits for the reply. Deciding here is pure (the view, the batch's equity), so an entry
     * whose call fails is simply decided and sent again on its next delivery.
     */
    @Override
    public void beforeBatch(List<StreamEntry> batch) {
        prepared.clear();
        equity = equityReader.read();
        for (StreamEntry entry : batch) {
            Decoded decoded;
            try {
                decoded = codec.decode(entry.id(), entry.idMillis(), entry.fields());
            } catch (RuntimeException e) {
                continue; // handle() decodes it again and fails that entry alone
            }
            if (decoded instanceof Decoded.Rejected rejected) {
                prepared.put(entry.id(), new Prepared.Rejected(rejected.reason()));
                continue;
            }
            Decision d = decide(((Decoded.Ok) decoded).proposal());
            prepared.put(entry.id(), new Prepared.Sent(d, writer.send(d.proposal(), d.calibration(), d.heat(), d.now())));
        }
    }

    /** Heat from the view and the batch's equity, as any proposal of this batch sees it. */
    Heat currentHeat(long nowMillis) {
        return PortfolioHeat.of(view.exposure(nowMillis), equity, thresholds);
    }

    /**
     * Heat with equity read now, for the start-up and 60 s lines: these run on other threads and must not replace
     * the equity a batch in progress is judged by.
     */
    Heat freshHeat(long nowMillis) {
        return PortfolioHeat.of(view.exposure(nowMillis), equityReader.read(), thresholds);
    }

    @Override
    public void handle(StreamEntry entry) {
        try {
            Prepared prep = prepared.remove(entry.id());
            if (prep instanceof Prepared.Sent sent) {
                finish(sent.decision(), () -> writer.await(sent.call()));
                return;
            }
            String rejected = prep instanceof Prepared.Rejected r ? r.reason() : null;
            if (rejected == null) {
                // not prepared by beforeBatch (its decode failed): the whole path, synchronously
                Decoded decoded = codec.decode(entry.id(), entry.idMillis(), entry.fields());
                if (decoded instanceof Decoded.Ok ok) {
                    Decision d = decide(ok.proposal());
                    finish(d, () -> writer.write(d.proposal(), d.calibration(), d.heat(), d.now()));
                    return;
                }
                rejected = ((Decoded.Rejected) decoded).reason();
            }
            if (deadLetter(entry, rejected)) {
                log.warn(LogLines.missingFields(entry.id(), rejected));
            }
        } catch (RuntimeException e) {
            metrics.processingError();
            throw e;
        } finally {
            MDC.clear();
        }
    }

    /** Pure: the proposal's sigma into the view, then heat and calibration as of now. */
    private Decision decide(Proposal p) {
        p.sigma().ifPresent(sigma -> view.proposalSigma(p.symbol(), sigma));
        long now = clock.millis();
        Heat heat = currentHeat(now);
        return new Decision(p, heat, ExitCalibrator.calibrate(p.action(), heat), now);
    }

    /** Logs and metrics around the write, in the order the contract's lines tell the story. */
    private void finish(Decision d, java.util.function.Supplier<WriteResult> write) {
        Proposal p = d.proposal();
        Calibration c = d.calibration();
        Heat heat = d.heat();
        MDC.put("plan_id", p.planId());
        MDC.put("symbol", p.symbol());
        log.info(LogLines.proposal(p.planId(), p.symbol(), p.action()));
        reportHeat(heat, d.now());
        MDC.put("reason", c.reason());
        MDC.put("outcome", c.calibratedAction());
        WriteResult result = write.get();
        if (result.duplicate()) {
            log.info("Proposal {} already calibrated ({}) - acked entry {}", LogLines.pid8(p.planId()),
                    result.outputId(), p.entryId());
            return;
        }
        metrics.calibrated(c, heat, d.now() - p.entryMillis());
        if (c.downgraded()) {
            log.warn(LogLines.downgrade(p.symbol(), c, heat));
        } else {
            log.info(LogLines.pass(p.symbol(), c, heat));
        }
        if (!enforce) {
            log.info(ShadowCompareLine.format(p.planId(), c, heat));
            return;
        }
        String hashKey = Keys.proposalHash(p.symbol());
        switch (result.hash()) {
            case WRITTEN -> {
                metrics.hashWritten();
                log.info(LogLines.enforce(p.planId(), p.symbol(), c, hashKey, result.outputId()));
            }
            case FAILED -> {
                metrics.hashWriteFailed();
                log.error(LogLines.hashWriteFailed(p.symbol(), result.hashError()));
            }
            case STALE -> log.info("Proposal {} older than P26_HASH_TTL_SEC - {} not written (stream={})",
                    LogLines.pid8(p.planId()), hashKey, result.outputId());
            case OFF -> {}
        }
    }

    /** Metrics always; the fail-closed WARNING/ERROR on change and at most once a minute. */
    void reportHeat(Heat heat, long nowMillis) {
        metrics.heat(heat);
        if (failClosedWarnings.shouldPrint(heat, nowMillis)) {
            if (heat.status() == io.quantumgates.heatgate.heat.HeatStatus.HEAT_CALCULATION_ERROR) {
                log.error(LogLines.failClosed(heat));
            } else {
                log.warn(LogLines.failClosed(heat));
            }
        }
    }

    @Override
    public void deadLetter(StreamEntry entry, DeadLetterReason reason) {
        if (deadLetter(entry, reason.code())) {
            log.warn(LogLines.deadLettered(entry.id(), Keys.DLQ, reason.code()));
        }
    }

    private boolean deadLetter(StreamEntry entry, String reason) {
        MDC.put("reason", reason);
        MDC.put("outcome", "DLQ");
        boolean written = deadLetters.write(entry.id(), entry.fields(), entry.deliveries(), reason, clock.millis());
        if (written) {
            metrics.deadLettered(reason);
        }
        return written;
    }

    /** A proposal decided: what the script is told to write, and what the log lines report. */
    private record Decision(Proposal proposal, Heat heat, Calibration calibration, long now) {}

    private sealed interface Prepared {
        record Sent(Decision decision, CalibratedWriter.Pending call) implements Prepared {}

        record Rejected(String reason) implements Prepared {}
    }

    @Override
    public void onGroupRecreated() {
        log.warn("Consumer group {} was missing and has been re-created at 0 - Redis state was lost", Keys.GROUP);
    }
}
