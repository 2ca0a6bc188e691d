#if canImport(Glibc)
  import Glibc
#endif

/// The lines of a byte range of a file, read through one reused 8 MiB buffer, so a log of any
/// size is scanned in constant memory (issue 13 item 4).
///
/// Lines end at `\n`; a `\r` before it is dropped; a last line without `\n` counts. The body
/// gets each line and the file offset where it starts, and returns false to stop.
enum ChunkedLines {
  static let chunkSize = 8 << 20

  /// Opens `path` for reading.
  /// - Throws: ``PruneSignalsError/unreadableFile(path:reason:)``.
  static func open(_ path: String) throws -> Int32 {
    let descriptor = Glibc.open(path, O_RDONLY)
    guard descriptor >= 0 else {
      let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
      throw PruneSignalsError.unreadableFile(path: path, reason: reason)
    }
    var status = stat()
    if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
      close(descriptor)
      throw PruneSignalsError.unreadableFile(path: path, reason: "it is a folder")
    }
    return descriptor
  }

  /// Calls `body` for each line of bytes `start..<end` of the open file (`end` nil: to the end).
  static func forEach(
    in descriptor: Int32, path: String, from start: Int, to end: Int? = nil,
    _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Bool
  ) throws {
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunkSize)
    defer { buffer.deallocate() }
    var filled = 0  // bytes in the buffer
    var bufferOffset = start  // file offset of buffer[0]
    var atEnd = false
    while true {
      // Refill after the carried-over partial line.
      while !atEnd && filled < buffer.count {
        var want = buffer.count - filled
        if let end { want = min(want, end - (bufferOffset + filled)) }
        if want <= 0 {
          atEnd = true
          break
        }
        let got = pread(descriptor, buffer.baseAddress! + filled, want, off_t(bufferOffset + filled))
        if got < 0 {
          throw PruneSignalsError.unreadableFile(path: path, reason: String(cString: strerror(errno)))
        }
        if got == 0 {
          atEnd = true
          break
        }
        filled += got
      }
      var lineStart = 0
      var position = 0
      while position < filled {
        guard let newline = memchr(buffer.baseAddress! + position, 0x0A, filled - position) else {
          break
        }
        let lineEnd = buffer.baseAddress!.distance(
          to: newline.assumingMemoryBound(to: UInt8.self))
        var contentEnd = lineEnd
        if contentEnd > lineStart, buffer[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
        let line = UnsafeBufferPointer(rebasing: buffer[lineStart..<contentEnd])
        if try !body(line, bufferOffset + lineStart) { return }
        lineStart = lineEnd + 1
        position = lineStart
      }
      if atEnd {
        if lineStart < filled {
          var contentEnd = filled
          if buffer[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
          _ = try body(UnsafeBufferPointer(rebasing: buffer[lineStart..<contentEnd]),
                       bufferOffset + lineStart)
        }
        return
      }
      if lineStart == 0 {
        throw PruneSignalsError.mismatch(
          detail: "\(path): a line longer than \(chunkSize) bytes at offset \(bufferOffset); "
            + "a log row holds a few numbers.")
      }
      // Move the partial last line to the front and read on.
      let rest = filled - lineStart
      memmove(buffer.baseAddress!, buffer.baseAddress! + lineStart, rest)
      bufferOffset += lineStart
      filled = rest
    }
  }
}
