import Foundation
import PruneReport

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a set of files into a folder all together or not at all.
///
/// Each file is first written (with ``AtomicFile``) into a fresh hidden staging folder inside
/// the destination; only when every one is complete are they renamed into place, one `rename(2)`
/// each, and the staging folder removed. A failure while staging leaves the destination as it
/// was.
enum StagedFiles {
  /// - Throws: ``PruneReportError`` naming the file or folder that could not be written.
  static func write(_ files: [(name: String, data: Data)], into folder: OutputFolder) throws {
    var template = Array((folder.path + "/.prunelab-staging-XXXXXX").utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer -> Bool in
      guard let base = buffer.baseAddress else { return false }
      return mkdtemp(base) != nil
    }
    guard made else {
      throw PruneReportError.folderNotWritable(
        path: folder.path, reason: String(cString: strerror(errno)))
    }
    let stagingPath = template.withUnsafeBufferPointer { buffer in
      String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
    let staging = URL(fileURLWithPath: stagingPath, isDirectory: true)
    defer { try? FileManager.default.removeItem(at: staging) }
    for file in files {
      try AtomicFile.write(file.data, to: staging.appendingPathComponent(file.name))
    }
    for file in files {
      let from = staging.appendingPathComponent(file.name).path
      let to = try folder.url(for: file.name).path
      if rename(from, to) != 0 {
        throw PruneReportError.cannotWriteFile(path: to, reason: String(cString: strerror(errno)))
      }
    }
  }
}
