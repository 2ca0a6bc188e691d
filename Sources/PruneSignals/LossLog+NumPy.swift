import Foundation

extension LossLog {
  /// The log as a NumPy `.npy` file (NEP 1, version 1.0): one little-endian float32 (`<f4`)
  /// array of shape (E, N), epoch-major, C order, the header padded so the data start on a
  /// 64-byte boundary. ``LossLogFile/open(path:missing:sampleCount:)`` and `numpy.load` read it.
  ///
  /// float32 halves the size of float64 and keeps 7 significant digits, far more than a saving
  /// calibration reads from a loss (RePB-4's run-store artifact, ``LossLog/float32Rounded()``
  /// makes a recording equal to what is read back).
  public func numPyFloat32Bytes() -> Data {
    var header =
      "{'descr': '<f4', 'fortran_order': False, 'shape': (\(epochCount), \(sampleCount)), }"
    // magic (6) + version (2) + length (2) + header + newline, a multiple of 64.
    while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
    header += "\n"
    var data = Data([0x93] + Array("NUMPY".utf8) + [1, 0])
    let length = UInt16(header.utf8.count)
    data.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8)])
    data.append(contentsOf: Array(header.utf8))
    var raw = [UInt8](repeating: 0, count: losses.count * 4)
    raw.withUnsafeMutableBytes { out in
      for (k, value) in losses.enumerated() {
        out.storeBytes(
          of: Float(value).bitPattern.littleEndian, toByteOffset: 4 * k, as: UInt32.self)
      }
    }
    data.append(contentsOf: raw)
    return data
  }

  /// The same log with every loss rounded to float32 and back: the values a
  /// ``numPyFloat32Bytes()`` file holds, so a log used in memory and the one read back from
  /// its file give the same answers bit for bit.
  public func float32Rounded() throws -> LossLog {
    try LossLog(
      sampleCount: sampleCount, losses: losses.map { Double(Float($0)) }, labels: labels)
  }

  /// Reads a whole `.npy` loss log (``LossLogFile``'s checks: header, dtype, size, finite
  /// values) into memory.
  ///
  /// - Throws: ``PruneSignalsError`` naming `path`
  ///   (``PruneSignalsError/badArrayFile(path:reason:)`` for a truncated or malformed file).
  public static func readNumPy(at path: String) throws -> LossLog {
    guard path.hasSuffix(".npy"), FileManager.default.fileExists(atPath: path) else {
      throw PruneSignalsError.unreadableFile(path: path, reason: "no such .npy file")
    }
    let file = try LossLogFile.open(path: path)
    var all: [Double] = []
    all.reserveCapacity(file.valueCount)
    var epoch: [Double] = []
    for e in 0..<file.epochCount {
      try file.readEpoch(e, into: &epoch)
      all.append(contentsOf: epoch)
    }
    return try LossLog(sampleCount: file.sampleCount, losses: all)
  }
}
