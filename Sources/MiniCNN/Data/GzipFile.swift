import CZlib

#if canImport(Glibc)
import Glibc
#endif

/// Whole-file gzip reading and writing through zlib's `gz*` interface.
///
/// Reading is transparent: a file that is not gzip-compressed is returned as it is (zlib's
/// behaviour), so an uncompressed IDX file works too; the IDX checks then catch anything else.
/// A damaged stream (bad CRC, truncated member) is an error, never a silently short result.
public enum GzipFile {
  /// Reads and decompresses the whole file.
  ///
  /// - Parameters:
  ///   - path: The file to read.
  ///   - missingHint: What to tell the user when the file does not exist.
  /// - Returns: The decompressed bytes.
  /// - Throws: ``MiniCNNError/missingDataFile(path:hint:)`` when the file does not exist,
  ///   ``MiniCNNError/unreadableFile(path:detail:)`` when zlib reports an error (including a
  ///   truncated stream).
  /// - Complexity: O(*n*) in the decompressed size; the buffer grows geometrically.
  public static func read(
    path: String, missingHint: String = "check the path."
  ) throws -> [UInt8] {
    guard access(path, F_OK) == 0 else {
      throw MiniCNNError.missingDataFile(path: path, hint: missingHint)
    }
    guard let file = gzopen(path, "rb") else {
      throw MiniCNNError.unreadableFile(path: path, detail: systemErrorMessage())
    }
    var closed = false
    defer { if !closed { gzclose(file) } }
    _ = gzbuffer(file, 1 << 18)

    let chunk = 1 << 20
    var bytes: [UInt8] = []
    bytes.reserveCapacity(chunk)
    while true {
      let start = bytes.count
      bytes.append(contentsOf: repeatElement(0, count: chunk))
      let readCount = bytes.withUnsafeMutableBufferPointer { buffer in
        gzread(file, buffer.baseAddress.map { $0 + start }, UInt32(chunk))
      }
      if readCount < 0 {
        throw MiniCNNError.unreadableFile(path: path, detail: zlibMessage(file))
      }
      bytes.removeLast(chunk - Int(readCount))
      if readCount == 0 { break }
    }
    closed = true
    let status = gzclose(file)
    guard status == Z_OK else {
      throw MiniCNNError.unreadableFile(
        path: path, detail: status == Z_BUF_ERROR ? "unexpected end of file" : "zlib status \(status)")
    }
    return bytes
  }

  /// Writes `bytes` gzip-compressed (level 6) to `path`, replacing the file.
  ///
  /// - Throws: ``MiniCNNError/unwritableFile(path:detail:)``.
  public static func write(_ bytes: [UInt8], to path: String) throws {
    guard let file = gzopen(path, "wb6") else {
      throw MiniCNNError.unwritableFile(path: path, detail: systemErrorMessage())
    }
    var offset = 0
    var failure: String?
    while offset < bytes.count {
      let count = min(1 << 20, bytes.count - offset)
      let written = bytes.withUnsafeBufferPointer { buffer in
        gzwrite(file, buffer.baseAddress.map { UnsafeRawPointer($0 + offset) }, UInt32(count))
      }
      if written <= 0 {
        failure = zlibMessage(file)
        break
      }
      offset += Int(written)
    }
    let status = gzclose(file)
    if let failure {
      throw MiniCNNError.unwritableFile(path: path, detail: failure)
    }
    guard status == Z_OK else {
      throw MiniCNNError.unwritableFile(path: path, detail: "zlib status \(status) on close")
    }
  }

  private static func zlibMessage(_ file: gzFile) -> String {
    var errorNumber: Int32 = 0
    guard let message = gzerror(file, &errorNumber) else { return "zlib error" }
    if errorNumber == Z_ERRNO { return systemErrorMessage() }
    return String(cString: message)
  }

  private static func systemErrorMessage() -> String {
    guard let message = strerror(errno) else { return "errno \(errno)" }
    return String(cString: message)
  }
}
