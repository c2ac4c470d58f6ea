package io.flotilla.catalog.pricing;

import io.flotilla.core.catalog.InterruptionBand;

/** One Spot Instance Advisor row of the catalog's region. */
public record AdvisorRow(String instanceType, int savingsPct, InterruptionBand band, String asOf) {}
