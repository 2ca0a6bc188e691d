import PruneCore

/// Fork-join over a few parts for the training step's data-parallel sections: PruneCore's
/// ``PruneCore/ForkJoin`` (`forEachPart`, `range(ofPart:parts:count:)`), shared with the
/// simulated learner and the engine.
///
/// The network splits each batch (or each layer's channels) into `parts` contiguous pieces that
/// touch disjoint memory and runs them on `parts` threads (2 on this machine, cnn.md "Figures to
/// beat"); every part's work and the order in which partial sums are combined are fixed, so a
/// run is reproducible for a given part count.
public typealias Parallel = ForkJoin
