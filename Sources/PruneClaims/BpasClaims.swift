extension ClaimRegistry {
  /// The bpas family's claims, in the order of claims.md.
  static var bpasClaims: [any Claim] {
    [
      MonotoneRetentionClaim(), ThresholdScheduleClaim(), DataSavingsIndexClaim(),
      ClassBalanceClaim(),
    ]
  }
}
