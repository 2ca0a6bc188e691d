/// One slice of a sweep, `i/n` (1-based): the points whose index leaves remainder i - 1 when
/// divided by n (ARCHITECTURE.md "Scale"). Round-robin slices keep every shard's mix of rules and
/// settings alike, so shards of a Slurm array job or GNU parallel take about the same time.
public struct SweepShard: Sendable, Hashable, CustomStringConvertible {
  /// i, in 1...count.
  public let index: Int
  /// n, the number of shards.
  public let count: Int

  /// The whole sweep as one shard.
  public static let whole = SweepShard(uncheckedIndex: 1, count: 1)

  /// - Throws: ``PruneSweepError/badShard(_:)`` unless 1 <= index <= count.
  public init(index: Int, count: Int) throws {
    guard count >= 1, index >= 1, index <= count else {
      throw PruneSweepError.badShard("\(index)/\(count)")
    }
    self.init(uncheckedIndex: index, count: count)
  }

  /// Parses `i/n`, e.g. `3/8`.
  /// - Throws: ``PruneSweepError/badShard(_:)`` for anything else.
  public init(parsing text: String) throws {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
      throw PruneSweepError.badShard(text)
    }
    do {
      try self.init(index: index, count: count)
    } catch {
      throw PruneSweepError.badShard(text)
    }
  }

  private init(uncheckedIndex index: Int, count: Int) {
    self.index = index
    self.count = count
  }

  /// Whether point `point` (0-based) belongs to this shard.
  public func contains(point: Int) -> Bool { point % count == index - 1 }

  /// `i/n`.
  public var description: String { "\(index)/\(count)" }

  /// The shard's file stem, `shard-<i>-of-<n>`.
  public var fileStem: String { "shard-\(index)-of-\(count)" }
}
