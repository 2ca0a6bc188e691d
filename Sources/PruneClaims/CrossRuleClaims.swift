extension ClaimRegistry {
  /// The cross-rule family's claims, and every end-to-end (mini-CNN) claim of the other
  /// families: each page picks its claims by `family`, so IB-7/8, BLS-5, RePB-4 and
  /// BPAS-4/6/7/8/9 appear on the InfoBatch, BLS, RePB and B-PAS pages after those families' own
  /// claims.
  static var crossRuleClaims: [any Claim] {
    [
      IB7Ablation(), IB8WhereToPrune(),
      BLS5DropInEquivalence(), RePB4AccuracyOrdering(), BPAS4SignalValidity(),
      BPAS6BatchNormSignal(), BPAS7LongerTraining(), BPAS8TenPercentCalibration(),
      BPAS9SampleVsBatch(), X1LosslessFrontier(), X2WallClock(),
    ]
  }
}
