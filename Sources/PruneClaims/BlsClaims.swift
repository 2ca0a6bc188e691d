extension ClaimRegistry {
  /// The bls family's claims, in the order of claims.md (BLS-5 sits with the end-to-end claims
  /// in `CrossRuleClaims.swift`; the registry restores the order).
  static var blsClaims: [any Claim] {
    [
      EmaFilterResponseClaim(), BatchMeanDecompositionClaim(), FrequencySeparationClaim(),
      ProxyQualityClaim(), BLS6SeTaHostAndRandom(),
    ]
  }
}
