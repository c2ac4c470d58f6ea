package io.flotilla.catalog.pricing;

/** One observed Spot price of a type in a zone (by zone ID) of the catalog's region. */
public record SpotPriceRow(String zoneId, String instanceType, double price) {}
