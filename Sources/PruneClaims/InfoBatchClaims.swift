extension ClaimRegistry {
  /// The infoBatch family's claims, in the order of claims.md.
  static var infoBatchClaims: [any Claim] {
    [
      IB1UnbiasedExpectation(), IB2VarianceBound(), IB3RescalingLimit(), IB4Annealing(),
      IB5SelectionOverhead(), IB6SavedFraction(),
    ]
  }
}
