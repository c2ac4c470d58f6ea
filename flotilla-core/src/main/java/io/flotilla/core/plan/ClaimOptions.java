package io.flotilla.core.plan;

/**
 * The instance-type options of one NodeClaim: groups of one pool (indexes into {@link
 * TierOfferings}), each with the offerings still open to it as a bit mask: those every pod on the
 * claim may use and whose nodes still hold them all.
 */
record ClaimOptions(int[] groups, long[] masks) {
  ClaimOptions {
    if (groups.length != masks.length) {
      throw new IllegalArgumentException("one mask per group");
    }
  }

  int size() {
    return groups.length;
  }
}
