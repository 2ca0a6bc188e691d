import Foundation

/// Per-sample losses saved with NumPy (`numpy.save`), read one epoch at a time (issue 13 item 4).
///
/// Either one `.npy` file holding an (E, N) array (epoch-major, C order), or a folder of `.npy`
/// files each holding one epoch's (N,) array, taken in the order of the number in their names
/// (`epoch-2.npy` before `epoch-10.npy`; names without a number in name order). Little-endian
/// float64 (`<f8`) or float32 (`<f4`). The format (NEP 1): the magic `\x93NUMPY`, a version byte
/// pair, a 2-byte (version 1) or 4-byte (2, 3) header length, a Python dict literal with `descr`,
/// `fortran_order` and `shape`, then the raw data. Every value is checked to be finite on
/// opening, so a bad file is refused before anything runs.
struct NumPyLossArrays {
  struct Part {
    let path: String
    /// Where the data start and how many epochs the file holds.
    let dataOffset: Int
    let epochs: Int
  }

  let parts: [Part]
  let sampleCount: Int
  let epochCount: Int
  /// 8 for float64, 4 for float32.
  let itemSize: Int

  /// The arrays at `path` (a `.npy` file or a folder of them), or nil when `path` is neither.
  static func open(path: String) throws -> NumPyLossArrays? {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return nil }
    if isFolder.boolValue {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      let arrays = names.filter { $0.hasSuffix(".npy") }.sorted(by: epochOrder)
      guard !arrays.isEmpty else {
        throw PruneSignalsError.badArrayFile(path: path, reason: "the folder holds no .npy file")
      }
      let headers = try arrays.map { try header(of: path + "/" + $0) }
      let first = headers[0]
      for h in headers {
        guard h.shape.count == 1, h.shape[0] == first.shape[0], h.itemSize == first.itemSize,
          first.shape.count == 1
        else {
          throw PruneSignalsError.badArrayFile(
            path: h.path,
            reason: "shape \(h.shape) and \(h.itemSize * 8)-bit floats, but \(first.path) has "
              + "shape \(first.shape) and \(first.itemSize * 8)-bit floats; a folder holds one "
              + "(N,) array per epoch, all alike")
        }
      }
      return try checked(
        NumPyLossArrays(
          parts: headers.map { Part(path: $0.path, dataOffset: $0.dataOffset, epochs: 1) },
          sampleCount: first.shape[0], epochCount: headers.count, itemSize: first.itemSize))
    }
    guard path.hasSuffix(".npy") else { return nil }
    let h = try header(of: path)
    let (epochs, samples) =
      h.shape.count == 2 ? (h.shape[0], h.shape[1]) : h.shape.count == 1 ? (1, h.shape[0]) : (0, 0)
    guard epochs > 0, samples > 0 else {
      throw PruneSignalsError.badArrayFile(
        path: path, reason: "shape \(h.shape); expected (E, N) or (N,) with E, N >= 1")
    }
    return try checked(
      NumPyLossArrays(
        parts: [Part(path: path, dataOffset: h.dataOffset, epochs: epochs)],
        sampleCount: samples, epochCount: epochs, itemSize: h.itemSize))
  }

  /// Names ordered by the last number in them, then by name.
  private static func epochOrder(_ a: String, _ b: String) -> Bool {
    func number(_ name: String) -> Int? {
      let digits = name.reversed().drop { !$0.isNumber }.prefix { $0.isNumber }
      return Int(String(digits.reversed()))
    }
    switch (number(a), number(b)) {
    case let (x?, y?) where x != y: return x < y
    default: return a < b
    }
  }

  private struct Header {
    let path: String
    let shape: [Int]
    let itemSize: Int
    let dataOffset: Int
  }

  /// Reads and checks the header of the `.npy` file at `path`.
  private static func header(of path: String) throws -> Header {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw PruneSignalsError.unreadableFile(path: path, reason: "cannot open it")
    }
    defer { try? handle.close() }
    let start = [UInt8]((try? handle.read(upToCount: 12)) ?? Data())
    let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // \x93NUMPY
    guard start.count >= 10, Array(start[0..<6]) == magic else {
      throw PruneSignalsError.badArrayFile(path: path, reason: "not a NumPy .npy file")
    }
    let major = start[6]
    let (length, skip): (Int, Int)
    switch major {
    case 1: (length, skip) = (Int(start[8]) | Int(start[9]) << 8, 10)
    case 2, 3:
      guard start.count >= 12 else {
        throw PruneSignalsError.badArrayFile(path: path, reason: "a truncated header")
      }
      (length, skip) = (
        Int(start[8]) | Int(start[9]) << 8 | Int(start[10]) << 16 | Int(start[11]) << 24, 12
      )
    default:
      throw PruneSignalsError.badArrayFile(path: path, reason: "format version \(major)")
    }
    try handle.seek(toOffset: UInt64(skip))
    let text = String(decoding: (try? handle.read(upToCount: length)) ?? Data(), as: UTF8.self)
    func value(_ key: String) -> String? {
      guard let keyRange = text.range(of: "'\(key)':") else { return nil }
      let rest = text[keyRange.upperBound...].drop { $0 == " " }
      if rest.first == "(" { return rest.firstIndex(of: ")").map { String(rest[...$0]) } }
      return String(rest.prefix { $0 != "," && $0 != "}" }).trimmingCharacters(in: .whitespaces)
    }
    guard let descr = value("descr"), let order = value("fortran_order"),
      let shapeText = value("shape")
    else {
      throw PruneSignalsError.badArrayFile(path: path, reason: "a header without descr/shape")
    }
    let itemSize: Int
    switch descr {
    case "'<f8'": itemSize = 8
    case "'<f4'": itemSize = 4
    default:
      throw PruneSignalsError.badArrayFile(path: path, reason: "dtype \(descr)")
    }
    guard order == "False" else {
      throw PruneSignalsError.badArrayFile(
        path: path, reason: "a Fortran-order array (save numpy.ascontiguousarray(losses))")
    }
    let shape = shapeText.dropFirst().dropLast().split(separator: ",").compactMap {
      Int($0.trimmingCharacters(in: .whitespaces))
    }
    return Header(path: path, shape: shape, itemSize: itemSize, dataOffset: skip + length)
  }

  /// Checks that each file holds its data and that every value is finite.
  private static func checked(_ arrays: NumPyLossArrays) throws -> NumPyLossArrays {
    var values: [Double] = []
    var epoch = 0
    for part in arrays.parts {
      let size = (try? FileManager.default.attributesOfItem(atPath: part.path)[.size] as? Int) ?? 0
      let needed = part.dataOffset + part.epochs * arrays.sampleCount * arrays.itemSize
      guard size >= needed else {
        throw PruneSignalsError.badArrayFile(
          path: part.path, reason: "\(size) bytes, fewer than its shape needs (\(needed))")
      }
      for _ in 0..<part.epochs {
        try arrays.readEpoch(epoch, into: &values)
        if let sample = values.firstIndex(where: { !$0.isFinite }) {
          throw PruneSignalsError.mismatch(
            detail: "\(part.path): the loss of sample \(sample) in epoch \(epoch) is "
              + "\(values[sample]); every loss must be a finite number: the run that wrote the "
              + "log diverged, or the array is corrupt.")
        }
        epoch += 1
      }
    }
    return arrays
  }

  /// Epoch `epoch`'s N losses.
  func readEpoch(_ epoch: Int, into values: inout [Double]) throws {
    var first = 0
    guard let part = parts.first(where: { part in
      defer { first += part.epochs }
      return epoch < first + part.epochs
    }) else {
      throw PruneSignalsError.epochNotInLog(name: parts[0].path, epoch: epoch, epochs: epochCount)
    }
    let offset = part.dataOffset + (epoch - (first - part.epochs)) * sampleCount * itemSize
    let descriptor = try ChunkedLines.open(part.path)
    defer { close(descriptor) }
    let bytes = sampleCount * itemSize
    let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes, alignment: 8)
    defer { raw.deallocate() }
    var done = 0
    while done < bytes {
      let got = pread(descriptor, raw.baseAddress! + done, bytes - done, off_t(offset + done))
      guard got > 0 else {
        throw PruneSignalsError.unreadableFile(path: part.path, reason: "it ends early")
      }
      done += got
    }
    if values.count != sampleCount { values = [Double](repeating: 0, count: sampleCount) }
    values.withUnsafeMutableBufferPointer { out in
      if itemSize == 8 {
        for i in 0..<sampleCount {
          out[i] = Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)))
        }
      } else {
        for i in 0..<sampleCount {
          out[i] = Double(Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))))
        }
      }
    }
  }
}
