package io.flotilla.core.plan;

import java.util.List;
import java.util.Map;

/**
 * What every tier's packing shares: the classes (by id), the offerings each may use, how shapes are
 * built, the co-location, minValues and exotic-type rules, and the strategy and options.
 */
record PackingContext(
    List<PodClass> classes,
    Map<Integer, List<Candidates.Allowed>> allowed,
    Candidates candidates,
    ShapeFactory factory,
    Colocation colocation,
    int dims,
    Planner.Strategy strategy,
    MinValues minValues,
    ExoticTypes exotic,
    PlanOptions options,
    SolvedCovers covers) {}
