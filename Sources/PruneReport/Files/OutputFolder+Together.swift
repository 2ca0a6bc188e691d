import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One file for ``OutputFolder/writeTogether(_:)``: a relative name and its whole content.
public struct OutputFile: Sendable, Hashable {
  /// A relative name such as `"summary.json"` or `"figures/bias.svg"`.
  public let name: String
  public let contents: Data

  public init(name: String, contents: Data) {
    self.name = name
    self.contents = contents
  }

  /// A text file, stored as UTF-8.
  public init(name: String, text: String) {
    self.init(name: name, contents: Data(text.utf8))
  }
}

extension OutputFolder {
  /// Writes several files so that none of them appears before all of them are complete.
  ///
  /// Every name is checked first; the files are then written into a fresh hidden staging
  /// folder inside this one (`.prunelab-staging-XXXXXX`), and only when all are complete are
  /// they renamed into place, one atomic `rename(2)` each. A failure while checking or staging
  /// leaves the folder as it was; the staging folder is always removed.
  ///
  /// - Returns: The written files' URLs, in the order given.
  /// - Throws: ``PruneReportError/invalidFileName(name:reason:)`` for a bad or repeated name,
  ///   or the errors of ``AtomicFile/write(_:to:)-(Data,_)``.
  @discardableResult
  public func writeTogether(_ files: [OutputFile]) throws -> [URL] {
    var seen = Set<String>()
    var targets: [URL] = []
    for file in files {
      if !seen.insert(file.name).inserted {
        throw PruneReportError.invalidFileName(name: file.name, reason: "the name appears twice")
      }
      targets.append(try url(for: file.name))
    }
    let staging = try makeStagingFolder()
    defer { try? FileManager.default.removeItem(atPath: staging) }
    for file in files {
      try AtomicFile.write(file.contents, to: URL(fileURLWithPath: staging + "/" + file.name))
    }
    for (file, target) in zip(files, targets) {
      try FileSystem.createFolder(at: target.deletingLastPathComponent().path)
      if rename(staging + "/" + file.name, target.path) != 0 {
        throw PruneReportError.cannotWriteFile(path: target.path, reason: FileSystem.lastError())
      }
    }
    return targets
  }

  private func makeStagingFolder() throws -> String {
    var template = Array((path + "/.prunelab-staging-XXXXXX").utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer -> Bool in
      guard let base = buffer.baseAddress else { return false }
      return mkdtemp(base) != nil
    }
    guard made else {
      throw PruneReportError.folderNotWritable(path: path, reason: FileSystem.lastError())
    }
    return template.withUnsafeBufferPointer { buffer in
      String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
  }
}
