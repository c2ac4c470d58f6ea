package io.flotilla.core.cost;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.Offering;
import io.flotilla.core.plan.Plan;
import io.flotilla.core.plan.PlannedNode;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the plan's new nodes would cost on on-demand x86, shape for shape: each node is priced as
 * the cheapest on-demand amd64 type with at least its vCPUs, memory and GPUs (same GPU make),
 * preferring its own instance category and never a burstable type for a non-burstable node, plus
 * the same volumes the node pays for. This is the bill users know from a plain on-demand x86
 * cluster. Not thread-safe: it remembers the stand-in price per instance type, since a large plan
 * has thousands of nodes of a few hundred types and each look-up scans the catalog.
 */
public final class OnDemandX86Equivalent {
  private final Catalog catalog;
  private final Map<String, Optional<Double>> standIns = new HashMap<>();

  public OnDemandX86Equivalent(Catalog catalog) {
    this.catalog = catalog;
  }

  public double costPerHour(Plan plan) {
    double total = 0;
    for (PlannedNode node : plan.newNodes()) {
      total += priceFor(node).orElse(node.pricePerHour());
    }
    return total;
  }

  /** The on-demand x86 price standing in for one node, if the catalog has a comparable type. */
  public Optional<Double> priceFor(PlannedNode node) {
    Optional<InstanceType> type = catalog.type(node.instanceType());
    if (type.isEmpty()) {
      return Optional.empty();
    }
    InstanceType t = type.get();
    if ("amd64".equals(t.arch()) && node.capacityType() == CapacityType.ON_DEMAND) {
      return Optional.of(node.pricePerHour());
    }
    double storage = node.offering().storagePerHour();
    return standIns.computeIfAbsent(t.name(), n -> standIn(t)).map(p -> p + storage);
  }

  /** The cheapest comparable on-demand x86 price, of the type's own category if it has one. */
  private Optional<Double> standIn(InstanceType t) {
    Optional<Double> sameCategory = cheapest(t, true);
    return sameCategory.isPresent() ? sameCategory : cheapest(t, false);
  }

  private Optional<Double> cheapest(InstanceType t, boolean sameCategory) {
    return catalog.types().stream()
        .filter(c -> "amd64".equals(c.arch()))
        .filter(c -> c.vcpu() >= t.vcpu() && c.memoryMiB() >= t.memoryMiB())
        .filter(c -> c.gpu().count() >= t.gpu().count())
        .filter(
            c ->
                t.gpu().count() == 0
                    || Objects.equals(c.gpu().manufacturer(), t.gpu().manufacturer()))
        .filter(c -> t.burstable() || !c.burstable())
        .filter(c -> !sameCategory || Objects.equals(c.category(), t.category()))
        .flatMap(c -> catalog.offerings(c.name()).stream())
        .filter(o -> o.capacityType() == CapacityType.ON_DEMAND)
        .map(Offering::pricePerHour)
        .min(Comparator.naturalOrder());
  }
}
