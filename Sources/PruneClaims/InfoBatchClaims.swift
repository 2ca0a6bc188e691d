extension ClaimRegistry {
  /// The infoBatch family's claims, in the order of claims.md.
  static var infoBatchClaims: [any Claim] { [] }
}
