#if canImport(Glibc)
  import Glibc
#endif

/// Peak resident memory of this process, per benchmark (issue 13 item 5).
///
/// Linux keeps the high-water mark of the resident set (VmHWM in /proc/self/status); writing "5"
/// to /proc/self/clear_refs resets it to the current resident set, so a benchmark's peak is read
/// after resetting before it. Where that is not possible the mark covers the process so far.
enum PeakMemory {
  /// Resets the high-water mark to the current resident set (Linux); false when it cannot.
  @discardableResult
  static func reset() -> Bool {
    guard let file = fopen("/proc/self/clear_refs", "w") else { return false }
    defer { fclose(file) }
    return fputs("5", file) >= 0
  }

  /// The high-water mark of the resident set in MiB (0 when unknown).
  static func megabytes() -> Double {
    guard let file = fopen("/proc/self/status", "r") else { return 0 }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, Int32(line.count), file) != nil {
      let text = String(
        decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if text.hasPrefix("VmHWM:") {
        let fields = text.dropFirst(6).split { $0 == " " || $0 == "\t" || $0 == "\n" }
        let kilobytes = fields.first.flatMap { Double($0) } ?? 0
        return kilobytes / 1024
      }
    }
    return 0
  }
}
