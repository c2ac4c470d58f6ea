package io.flotilla.core.plan;

/**
 * A node pattern of the exact packing: one node of a shape (by position in the packer's shapes)
 * holding these pods (counts by class id, sparse). Shared by the enumeration that finds the
 * patterns, the integer program that chooses among them and the packer that turns the choice into
 * batches.
 */
record NodePattern(int shape, int[] classIds, long[] counts) {}
