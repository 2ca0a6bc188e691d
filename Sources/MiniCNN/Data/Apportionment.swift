/// Splitting a whole number into integer parts proportional to given shares (largest remainder,
/// Hamilton's method): the parts sum to the total exactly and each differs from its exact share
/// by less than 1.
enum Apportionment {
  /// Parts of `total` proportional to `shares`; ties of the remainder go to the lower index.
  ///
  /// - Precondition: `total >= 0`, every share >= 0, and some share > 0 unless `total == 0`.
  static func parts(of total: Int, shares: [Double]) -> [Int] {
    precondition(total >= 0, "total must not be negative")
    var sum = 0.0
    for share in shares {
      precondition(share >= 0, "shares must not be negative")
      sum += share
    }
    guard total > 0 else { return [Int](repeating: 0, count: shares.count) }
    precondition(sum > 0, "some share must be positive")
    var parts: [Int] = []
    parts.reserveCapacity(shares.count)
    var remainders: [(remainder: Double, index: Int)] = []
    remainders.reserveCapacity(shares.count)
    var assigned = 0
    for (index, share) in shares.enumerated() {
      let exact = Double(total) * share / sum
      let whole = Int(exact.rounded(.down))
      parts.append(whole)
      assigned += whole
      remainders.append((exact - Double(whole), index))
    }
    remainders.sort { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index }
    var next = 0
    while assigned < total {
      parts[remainders[next % remainders.count].index] += 1
      assigned += 1
      next += 1
    }
    return parts
  }
}
