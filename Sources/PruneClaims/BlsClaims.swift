extension ClaimRegistry {
  /// The bls family's claims, in the order of claims.md.
  static var blsClaims: [any Claim] {
    [
      EmaFilterResponseClaim(), BatchMeanDecompositionClaim(), FrequencySeparationClaim(),
      ProxyQualityClaim(),
    ]
  }
}
