extension ClaimRegistry {
  /// The repb family's claims, in the order of claims.md.
  static var repbClaims: [any Claim] {
    [RePB1ScoreDrift(), RePB2PoolCollapse(), RePB3CumulativeReweighting()]
  }
}
