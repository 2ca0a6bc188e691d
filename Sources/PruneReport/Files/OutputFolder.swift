import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A folder that a command writes several files into (e.g. `epochs.csv`, `summary.json`,
/// `manifest.json`), checked before the long work starts.
///
/// Creating an `OutputFolder` makes the folder (and its parents) and proves it accepts a new
/// file by creating and removing a probe, so a command fails in its first second instead of
/// after an hour of computing. Every file is then written with ``AtomicFile``: each one is
/// either its old or its complete new version.
///
/// ```swift
/// let out = try OutputFolder(path: "results/ib1")
/// try out.write(table.csvText, to: "bias.csv")
/// try out.write(plot.svg(), to: "figures/bias.svg")
/// ```
public struct OutputFolder: Sendable, Hashable, CustomStringConvertible {
  /// The folder, as an absolute, standardised file URL.
  public let url: URL

  /// Creates the folder if needed and checks that it accepts new files.
  ///
  /// - Throws: ``PruneReportError/cannotCreateFolder(path:reason:)`` or
  ///   ``PruneReportError/folderNotWritable(path:reason:)``.
  public init(_ url: URL) throws {
    self.url = url.standardizedFileURL
    try FileSystem.createFolder(at: self.url.path)
    try checkWritable()
  }

  /// Creates the folder at `path` (relative paths start in the current directory).
  public init(path: String) throws {
    try self.init(URL(fileURLWithPath: path, isDirectory: true))
  }

  /// The folder's path.
  public var path: String { url.path }

  public var description: String { path }

  /// Proves again that a file can be created in the folder (by creating and removing a probe).
  ///
  /// - Throws: ``PruneReportError/folderNotWritable(path:reason:)`` naming the folder.
  public func checkWritable() throws {
    if !FileSystem.isFolder(path) {
      throw PruneReportError.folderNotWritable(path: path, reason: "it is not a folder")
    }
    let probe = try FileSystem.makeTemporaryFile(in: path, prefix: ".prunelab-probe-")
    _ = close(probe.descriptor)
    _ = unlink(probe.path)
  }

  /// The URL of `name` inside the folder, after checking the name.
  ///
  /// - Parameter name: A relative path such as `"summary.json"` or `"figures/bias.svg"`; it may
  ///   not be empty, absolute, or contain `.`, `..` or empty components.
  /// - Throws: ``PruneReportError/invalidFileName(name:reason:)``.
  public func url(for name: String) throws -> URL {
    if name.isEmpty {
      throw PruneReportError.invalidFileName(name: name, reason: "the name is empty")
    }
    if name.hasPrefix("/") {
      throw PruneReportError.invalidFileName(name: name, reason: "the name is an absolute path")
    }
    if name.contains("\0") {
      throw PruneReportError.invalidFileName(name: name, reason: "the name contains a NUL byte")
    }
    let components = name.split(separator: "/", omittingEmptySubsequences: false)
    for component in components where component.isEmpty || component == "." || component == ".." {
      throw PruneReportError.invalidFileName(
        name: name, reason: "a path component is empty, \".\" or \"..\"")
    }
    return components.reduce(url) { partial, component in
      partial.appendingPathComponent(String(component))
    }
  }

  /// A folder inside this one (created if missing), for example `figures`.
  ///
  /// - Throws: ``PruneReportError`` as for ``url(for:)`` and ``init(_:)``.
  public func subfolder(_ name: String) throws -> OutputFolder {
    try OutputFolder(url(for: name))
  }

  /// Writes `data` to `name` inside the folder, atomically.
  ///
  /// - Returns: The written file's URL.
  /// - Throws: ``PruneReportError`` naming the file or folder.
  @discardableResult
  public func write(_ data: Data, to name: String) throws -> URL {
    let file = try url(for: name)
    try AtomicFile.write(data, to: file)
    return file
  }

  /// Writes `text` as UTF-8 to `name` inside the folder, atomically.
  @discardableResult
  public func write(_ text: String, to name: String) throws -> URL {
    try write(Data(text.utf8), to: name)
  }
}
