package io.flotilla.catalog.pricing;

/** Where a type's Spot savings or interruption band comes from, most specific first. */
public enum Derivation {
  /** The Spot Instance Advisor's row for the type in the region. */
  PUBLISHED,
  /** The median over the Advisor rows of the type's family in the region. */
  FAMILY_MEDIAN,
  /** The median over the Advisor rows of the type's category (m, c, r, g ...) in the region. */
  CATEGORY_MEDIAN,
  /** The median over all Advisor rows of the region. */
  REGION_MEDIAN
}
