package io.flotilla.catalog.pricefile;

import io.flotilla.core.catalog.CapacityType;

/** One row of a user's price file: the price of one offering, and the line it came from. */
public record PriceOverride(
    String instanceType, String zone, CapacityType capacityType, double pricePerHour, long line) {}
