package io.flotilla.core.plan;

/** Identical new nodes: one shape, the same pods per node (class ids and counts), n nodes. */
record NodeBatch(Shape shape, int[] classIds, long[] perNode, long nodes) {

  double cost() {
    return shape.price() * nodes;
  }

  long[] used(java.util.List<PodClass> classes, int dims) {
    long[] used = new long[dims];
    for (int i = 0; i < classIds.length; i++) {
      long[] r = classes.get(classIds[i]).request();
      for (int d = 0; d < dims; d++) {
        used[d] += r[d] * perNode[i];
      }
    }
    return used;
  }

  NodeBatch withShape(Shape other) {
    return new NodeBatch(other, classIds, perNode, nodes);
  }
}
