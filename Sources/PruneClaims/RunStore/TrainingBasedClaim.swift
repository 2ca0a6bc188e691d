/// A claim assembled from training runs of the run store (issue 10): its runs are collected,
/// trained (`reproduce --train`, `--shard`), verified and checked before its page is written.
public protocol TrainingBasedClaim: Claim {}

extension X1LosslessFrontier: TrainingBasedClaim {}
extension X2WallClock: TrainingBasedClaim {}
extension RePB4AccuracyOrdering: TrainingBasedClaim {}
extension BLS5DropInEquivalence: TrainingBasedClaim {}
extension BPAS4SignalValidity: TrainingBasedClaim {}
extension BPAS6BatchNormSignal: TrainingBasedClaim {}
extension BPAS7LongerTraining: TrainingBasedClaim {}
