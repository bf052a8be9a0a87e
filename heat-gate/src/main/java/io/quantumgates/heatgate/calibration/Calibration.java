package io.quantumgates.heatgate.calibration;

/** The calibrated exit: what to do instead of (or as) the proposed action, and why. */
public record Calibration(String originalAction, String calibratedAction, boolean downgraded, String reason) {}
