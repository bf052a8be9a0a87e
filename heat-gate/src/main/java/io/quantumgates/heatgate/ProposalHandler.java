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
import java.util.List;
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

    /** Equity once per batch (contract §4.1): every proposal of the batch is judged against the same figure. */
    @Override
    public void beforeBatch(List<StreamEntry> batch) {
        equity = equityReader.read();
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
            Decoded decoded = codec.decode(entry.id(), entry.idMillis(), entry.fields());
            if (decoded instanceof Decoded.Rejected rejected) {
                if (deadLetter(entry, rejected.reason())) {
                    log.warn(LogLines.missingFields(entry.id(), rejected.reason()));
                }
                return;
            }
            calibrate(((Decoded.Ok) decoded).proposal());
        } catch (RuntimeException e) {
            metrics.processingError();
            throw e;
        } finally {
            MDC.clear();
        }
    }

    private void calibrate(Proposal p) {
        MDC.put("plan_id", p.planId());
        MDC.put("symbol", p.symbol());
        log.info(LogLines.proposal(p.planId(), p.symbol(), p.action()));
        p.sigma().ifPresent(sigma -> view.proposalSigma(p.symbol(), sigma));
        long now = clock.millis();
        Heat heat = currentHeat(now);
        reportHeat(heat, now);
        Calibration c = ExitCalibrator.calibrate(p.action(), heat);
        MDC.put("reason", c.reason());
        MDC.put("outcome", c.calibratedAction());
        WriteResult result = writer.write(p, c, heat, now);
        if (result.duplicate()) {
            log.info("Proposal {} already calibrated ({}) - acked entry {}", LogLines.pid8(p.planId()),
                    result.outputId(), p.entryId());
            return;
        }
        metrics.calibrated(c, heat, now - p.entryMillis());
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

    @Override
    public void onGroupRecreated() {
        log.warn("Consumer group {} was missing and has been re-created at 0 - Redis state was lost", Keys.GROUP);
    }
}
