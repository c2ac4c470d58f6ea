package io.flotilla.core.plan;

import java.util.BitSet;

/** Demands that split the same way in the master: one option set, one pods-to-cap ratio. */
final class PlainLpCluster {
  private final BoundReduction r;

  final int[] members;
  final int[] options;
  final BitSet columns;

  /** An option no bound or pool limits (-1: none), kept as a column so the cluster fits. */
  final int free;

  final long pods;
  final double[] load;

  /** Pods per node the cap allows at most, relative to the cluster: pods / cap (0: uncapped). */
  final double rho;

  PlainLpCluster(BoundReduction r, int[] members, BitSet columns, int free) {
    this.r = r;
    this.members = members;
    this.options = r.options[members[0]];
    this.columns = columns;
    this.free = free;
    if (free >= 0) {
      columns.set(free);
    }
    long p = 0;
    double[] l = new double[r.dims];
    for (int k : members) {
      p += r.pods[k];
      for (int d = 0; d < r.dims; d++) {
        l[d] += (double) r.request[k][d] * r.pods[k];
      }
    }
    this.pods = p;
    this.load = l;
    int k0 = members[0];
    this.rho = r.cap[k0] == BoundProblem.UNLIMITED ? 0 : (double) r.pods[k0] / r.cap[k0];
  }

  boolean capRow(int o) {
    if (rho == 0) {
      return false;
    }
    for (int k : members) {
      if (BoundReduction.capBinds(r.cap[k], r.request[k], r.room[o])) {
        return true;
      }
    }
    return false;
  }
}
