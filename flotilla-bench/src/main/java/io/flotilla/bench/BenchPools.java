package io.flotilla.bench;

import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.workload.MixPools;
import java.util.List;

/** Which NodePools a benchmark plans against. */
public enum BenchPools {
  /** {@link MixPools#standard}: one general pool, one tainted GPU pool. */
  STANDARD {
    @Override
    public List<NodePool> pools(List<Pod> pods) {
      return MixPools.standard();
    }
  },
  /** {@link MixPools#weightedFor}: a CPU-limited Spot pool above an on-demand pool, GPU pool. */
  WEIGHTED {
    @Override
    public List<NodePool> pools(List<Pod> pods) {
      return MixPools.weightedFor(pods);
    }
  };

  public abstract List<NodePool> pools(List<Pod> pods);
}
