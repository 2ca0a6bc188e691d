/// Every claim PruneLab reproduces, in the order of claims.md.
public enum ClaimRegistry {
  /// All claims, in the order of claims.md: by family, then by the number of the id.
  ///
  /// Each family file adds its claims to a list (see `InfoBatchClaims.swift` and friends); the
  /// end-to-end claims of every family sit in `CrossRuleClaims.swift`, so the order is restored
  /// here rather than left to the lists.
  public static var all: [any Claim] {
    let claims = infoBatchClaims + blsClaims + repbClaims + bpasClaims + crossRuleClaims
    return claims.enumerated().sorted { a, b in
      let keyA = orderKey(a.element, position: a.offset)
      let keyB = orderKey(b.element, position: b.offset)
      return keyA < keyB
    }.map(\.element)
  }

  /// (family position, number after the last '-', position in the lists).
  private static func orderKey(_ claim: any Claim, position: Int) -> (Int, Int, Int) {
    let family = ClaimFamily.allCases.firstIndex(of: claim.family) ?? ClaimFamily.allCases.count
    let number = claim.id.split(separator: "-").last.flatMap { Int($0) } ?? Int.max
    return (family, number, position)
  }

  /// The ids of every claim, in order.
  public static var ids: [String] { all.map(\.id) }

  /// The claims of `registry` named by `ids` (case-insensitive), in registry order; all of them
  /// for `nil` (tests pass small fake registries).
  /// - Throws: ``ClaimsError/unknownClaim(id:known:)`` naming the first unknown id.
  public static func select(_ ids: [String]?, from registry: [any Claim] = all) throws
    -> [any Claim]
  {
    guard let ids, !ids.isEmpty else { return registry }
    let known = Set(registry.map { $0.id.uppercased() })
    if let unknown = ids.first(where: { !known.contains($0.uppercased()) }) {
      throw ClaimsError.unknownClaim(id: unknown, known: registry.map(\.id))
    }
    let wanted = Set(ids.map { $0.uppercased() })
    return registry.filter { wanted.contains($0.id.uppercased()) }
  }
}
