import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes whole files so that a reader sees either the old content or the new, never a part.
///
/// The bytes go to a temporary file in the destination folder (`.<name>.tmp-XXXXXX`, made by
/// `mkstemp`), which is then renamed over the target. `rename(2)` within one file system is
/// atomic, so an interrupted run, a full disk or a crash leaves the previous file intact and no
/// half-written figure or CSV behind. No `fsync`: the guarantee is against interrupted runs, not
/// against power loss.
///
/// ```swift
/// try AtomicFile.write("epoch,loss\n0,1.5\n", to: URL(fileURLWithPath: "out/epochs.csv"))
/// ```
public enum AtomicFile {
  /// Writes `data` to `file`, creating missing folders, replacing any previous file.
  ///
  /// - Parameters:
  ///   - data: The complete new content.
  ///   - file: The destination; its folder (and parents) are created when missing.
  /// - Throws: ``PruneReportError/cannotCreateFolder(path:reason:)`` when a folder on the way
  ///   cannot be made, ``PruneReportError/folderNotWritable(path:reason:)`` when the folder
  ///   refuses a new file, ``PruneReportError/cannotWriteFile(path:reason:)`` when writing or the
  ///   final rename fails. In every case no temporary file is left behind.
  public static func write(_ data: Data, to file: URL) throws {
    let target = file.standardizedFileURL
    let folder = target.deletingLastPathComponent()
    try FileSystem.createFolder(at: folder.path)
    let temporary = try FileSystem.makeTemporaryFile(
      in: folder.path, prefix: "." + target.lastPathComponent + ".tmp-")
    do {
      try FileSystem.writeAll(data, to: temporary.descriptor, path: target.path)
      // mkstemp creates the file 0600; results are meant to be shared like any other file.
      _ = fchmod(temporary.descriptor, 0o644)
      if close(temporary.descriptor) != 0 {
        throw PruneReportError.cannotWriteFile(path: target.path, reason: FileSystem.lastError())
      }
    } catch {
      _ = close(temporary.descriptor)
      _ = unlink(temporary.path)
      throw error
    }
    if rename(temporary.path, target.path) != 0 {
      let reason = FileSystem.lastError()
      _ = unlink(temporary.path)
      throw PruneReportError.cannotWriteFile(path: target.path, reason: reason)
    }
  }

  /// Writes `text` as UTF-8 to `file`, atomically; see ``write(_:to:)-(Data,_)``.
  public static func write(_ text: String, to file: URL) throws {
    try write(Data(text.utf8), to: file)
  }
}

/// The few POSIX calls behind ``AtomicFile`` and ``OutputFolder``, with errno turned into text.
enum FileSystem {
  /// The message of the current `errno`, e.g. "Permission denied".
  static func lastError() -> String {
    String(cString: strerror(errno))
  }

  /// True when `path` names an existing folder (following symbolic links).
  static func isFolder(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// True when something (file, folder, link) exists at `path`.
  static func exists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
  }

  /// `mkdir -p`: creates `path` and its missing parents with mode 0755.
  static func createFolder(at path: String) throws {
    if path.isEmpty || isFolder(path) { return }
    if exists(path) {
      throw PruneReportError.cannotCreateFolder(
        path: path, reason: "a file that is not a folder is in the way")
    }
    let parent = (path as NSString).deletingLastPathComponent
    if !parent.isEmpty, parent != path {
      try createFolder(at: parent)
    }
    if mkdir(path, 0o755) != 0 {
      let code = errno
      // Another process may have made it between our check and mkdir.
      if code == EEXIST, isFolder(path) { return }
      throw PruneReportError.cannotCreateFolder(path: path, reason: String(cString: strerror(code)))
    }
  }

  /// Creates and opens a fresh file `<folder>/<prefix>XXXXXX`.
  static func makeTemporaryFile(
    in folder: String, prefix: String
  ) throws -> (descriptor: Int32, path: String) {
    var template = Array((folder + "/" + prefix + "XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return -1 }
      return mkstemp(base)
    }
    if descriptor < 0 {
      throw PruneReportError.folderNotWritable(path: folder, reason: lastError())
    }
    let path = template.withUnsafeBufferPointer { buffer in
      String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
    return (descriptor, path)
  }

  /// Writes every byte of `data`, retrying short writes and interrupted calls.
  static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws {
    let failure: String? = data.withUnsafeBytes { raw -> String? in
      guard let base = raw.baseAddress else { return nil }
      var offset = 0
      while offset < raw.count {
        let written = write(descriptor, base + offset, raw.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return lastError()
        }
        offset += written
      }
      return nil
    }
    if let failure {
      throw PruneReportError.cannotWriteFile(path: path, reason: failure)
    }
  }
}
