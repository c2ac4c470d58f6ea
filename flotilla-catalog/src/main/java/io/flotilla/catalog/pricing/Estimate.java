package io.flotilla.catalog.pricing;

/** A per-type number and where it comes from. */
record Estimate(double value, Derivation derivation) {}
