/// A log stored as a long CSV `epoch,<index>,<value>[,label]` (``LossLog``, ``ActivationLog``):
/// its columns, and how it is built from a checked ``LongTableReader/Table``. The reading itself
/// (file or bytes, gap policy, known index count) is shared in the extension.
protocol LongTableLog {
  /// The index column (`sample`, `batch`) and the value column (`loss`, `xbar`).
  static var indexColumn: String { get }
  static var valueColumn: String { get }
  /// Whether a fourth `label` column is allowed.
  static var allowsLabel: Bool { get }
  /// Builds the log from a checked table.
  init(table: LongTableReader.Table) throws
}

extension LongTableLog {
  private static func reader(_ missing: MissingLogEntries, _ indexCount: Int?) -> LongTableReader {
    LongTableReader(
      indexColumn: indexColumn, valueColumn: valueColumn, allowsLabel: allowsLabel,
      missing: missing, expectedIndexCount: indexCount)
  }

  /// Reads and checks the file at `path`.
  static func load(path: String, missing: MissingLogEntries, indexCount: Int?) throws -> Self {
    try Self(table: reader(missing, indexCount).read(path: path))
  }

  /// Parses and checks CSV bytes; `name` stands for the file in error messages.
  static func load(
    bytes: [UInt8], name: String, missing: MissingLogEntries, indexCount: Int?
  ) throws -> Self {
    try Self(table: reader(missing, indexCount).parse(bytes: bytes, path: name))
  }
}
