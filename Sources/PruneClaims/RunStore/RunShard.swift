/// One slice of a profile's runs, `--shard i/n` (issue 10): the runs at positions
/// `p` with `p mod n == i - 1` in the profile's request order (claims in registry order, each
/// claim's runs in its own order). The assignment depends only on the profile, never on what
/// is already stored, so shards started at different times on machines sharing (or later
/// merging) the store never train the same run.
public struct RunShard: Sendable, Hashable, CustomStringConvertible {
  /// i, 1-based.
  public let index: Int
  /// n.
  public let count: Int

  /// Parses `i/n`.
  /// - Throws: ``RunStoreError/invalidShard(value:)`` unless `1 <= i <= n`.
  public init(parsing text: String) throws {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, i >= 1, i <= n
    else { throw RunStoreError.invalidShard(value: text) }
    index = i
    count = n
  }

  /// Whether position `position` (0-based) of the request order belongs to this shard.
  public func contains(position: Int) -> Bool { position % count == index - 1 }

  public var description: String { "\(index)/\(count)" }
}
