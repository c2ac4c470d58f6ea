package io.flotilla.core.plan;

import io.flotilla.core.label.Requirements;
import java.util.List;

/**
 * Could a new node take one pod of the class under these terms: an admitted offering whose labels
 * satisfy them, with room for the pod after DaemonSets, in a pool with budget left. Preferences are
 * kept only while this holds.
 */
final class NewNodeFeasibility {
  private final Candidates candidates;
  private final ShapeFactory factory;
  private final PoolBudget budget;

  NewNodeFeasibility(Candidates candidates, ShapeFactory factory, PoolBudget budget) {
    this.candidates = candidates;
    this.factory = factory;
    this.budget = budget;
  }

  boolean test(PodClass c, List<Requirements> terms) {
    for (Candidates.Allowed a : candidates.raw(c, terms)) {
      for (int i = 0; i < a.group().offerings().size(); i++) {
        if ((a.mask() & (1L << i)) != 0) {
          Shape s = factory.shape(a.group(), a.group().offerings().get(i));
          if (Dimensions.fits(c.request(), s.free()) && budget.allowance(s) > 0) {
            return true;
          }
          break; // offerings of one type differ only in zone and price
        }
      }
    }
    return false;
  }
}
