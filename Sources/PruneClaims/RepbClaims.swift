extension ClaimRegistry {
  /// The repb family's claims, in the order of claims.md.
  static var repbClaims: [any Claim] { [] }
}
