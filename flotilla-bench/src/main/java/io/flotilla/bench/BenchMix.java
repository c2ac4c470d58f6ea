package io.flotilla.bench;

import io.flotilla.core.workload.DiverseMixGenerator;
import io.flotilla.core.workload.DiverseMixSpec;
import io.flotilla.core.workload.GeneratedWorkload;
import io.flotilla.core.workload.MixGenerator;
import io.flotilla.core.workload.MixSpec;
import java.util.List;
import java.util.SplittableRandom;

/** Which generated mix a benchmark plans. */
public enum BenchMix {
  /**
   * {@link MixGenerator}'s mix: a few hundred workloads with heavy-tailed replica counts ({@link
   * MixSpec#standard}).
   */
  STANDARD {
    @Override
    public List<GeneratedWorkload> workloads(int pods, long seed) {
      return new MixGenerator(new SplittableRandom(seed)).workloads(MixSpec.standard(pods));
    }
  },
  /**
   * {@link MixGenerator}'s mix in {@value #FEW_WORKLOADS} large workloads (the standard shares of
   * arm-only, x86-only and GPU workloads): few Deployments, many replicas each.
   */
  FEW {
    @Override
    public List<GeneratedWorkload> workloads(int pods, long seed) {
      MixSpec standard = MixSpec.standard(pods);
      MixSpec few =
          new MixSpec(
              pods,
              FEW_WORKLOADS,
              standard.armOnlyShare(),
              standard.x86OnlyShare(),
              standard.gpuShare());
      return new MixGenerator(new SplittableRandom(seed)).workloads(few);
    }
  },
  /**
   * {@link DiverseMixGenerator}'s mix: 1-10 replicas per workload, hundreds of distinct requests,
   * mixed arch and capacity-type selectors.
   */
  DIVERSE {
    @Override
    public List<GeneratedWorkload> workloads(int pods, long seed) {
      return new DiverseMixGenerator(new SplittableRandom(seed)).workloads(DiverseMixSpec.of(pods));
    }
  };

  /** How many workloads the {@link #FEW} mix has. */
  public static final int FEW_WORKLOADS = 20;

  /** The mix's workloads for this size and seed: same seed, same workloads. */
  public abstract List<GeneratedWorkload> workloads(int pods, long seed);
}
