extension ClaimRegistry {
  /// The crossRule family's claims, in the order of claims.md.
  static var crossRuleClaims: [any Claim] { [] }
}
