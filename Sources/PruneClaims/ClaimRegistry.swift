/// Every claim PruneLab reproduces, in the order of claims.md.
public enum ClaimRegistry {
  /// All claims. Each family file adds its claims here (see `InfoBatchClaims.swift` and friends).
  public static var all: [any Claim] {
    infoBatchClaims + blsClaims + repbClaims + bpasClaims + crossRuleClaims
  }

  /// The ids of every claim, in order.
  public static var ids: [String] { all.map(\.id) }

  /// The claims named by `ids` (case-insensitive), in registry order; all claims for `nil`.
  /// - Throws: ``ClaimsError/unknownClaim(id:known:)`` naming the first unknown id.
  public static func select(_ ids: [String]?) throws -> [any Claim] {
    guard let ids, !ids.isEmpty else { return all }
    let wanted = Set(ids.map { $0.uppercased() })
    let known = Set(all.map { $0.id.uppercased() })
    if let unknown = ids.first(where: { !known.contains($0.uppercased()) }) {
      throw ClaimsError.unknownClaim(id: unknown, known: self.ids)
    }
    return all.filter { wanted.contains($0.id.uppercased()) }
  }
}
