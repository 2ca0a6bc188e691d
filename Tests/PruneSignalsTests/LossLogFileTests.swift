import Foundation
import PropertyBased
import PruneCore
import Testing

@testable import PruneSignals

/// The streamed loss log (issue 13 item 4): the same values, fills and errors as the in-memory
/// reader, pandas-style CSVs and NumPy arrays, one epoch in memory.
@Suite struct LossLogFileTests {
  /// A fresh temporary folder, removed by the caller.
  func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("losslogfile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  func write(_ text: String, _ name: String, in folder: URL) throws -> String {
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  /// Every epoch of `file` next to the in-memory log `log`.
  func expectSameEpochs(_ file: LossLogFile, _ log: LossLog) throws {
    #expect(file.sampleCount == log.sampleCount && file.epochCount == log.epochCount)
    var values: [Double] = []
    for epoch in 0..<log.epochCount {
      try file.readEpoch(epoch, into: &values)
      #expect(values[...] == log.losses(ofEpoch: epoch), "epoch \(epoch)")
    }
    try file.readEpoch(0, into: &values)  // going back re-reads
    #expect(values[...] == log.losses(ofEpoch: 0))
  }

  @Test func completeLogMatchesTheInMemoryReader() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var generator = SeededGenerator(seed: 4)
    let losses = (0..<(5 * 37)).map { _ in 3 * generator.nextUnit() }
    let log = try LossLog(sampleCount: 37, losses: losses, labels: (0..<37).map { $0 % 3 })
    let path = folder.appendingPathComponent("log.csv").path
    try Data(log.csvBytes()).write(to: URL(fileURLWithPath: path))
    let file = try LossLogFile.open(path: path)
    try expectSameEpochs(file, try LossLog.read(from: path))
    #expect(file.labels == log.labels && file.fill == LogFill())
  }

  @Test func prunedLogFillsGapsLikeTheInMemoryReader() async throws {
    await propertyCheck(
      count: 40, input: Gen.uint64(in: 0...10_000), Gen.int(in: 1...6), Gen.int(in: 1...12)
    ) { seed, epochs, samples in
      // Each (epoch, sample) logged with probability 0.6 (every epoch keeps one row), rows
      // shuffled within their epoch; N one more than logged, so one sample may never appear.
      var generator = SeededGenerator(seed: seed)
      var text = "epoch,sample,loss\n"
      for epoch in 0..<epochs {
        var rows = (0..<samples).filter { $0 == 0 || generator.nextUnit() < 0.6 }
        rows = generator.shuffled(rows)
        for sample in rows { text += "\(epoch),\(sample),\(Double(epoch * 100 + sample) / 8)\n" }
      }
      let folder = try! temporaryFolder()
      defer { try? FileManager.default.removeItem(at: folder) }
      let path = try! write(text, "log.csv", in: folder)
      let file = try! LossLogFile.open(path: path, missing: .carryForward, sampleCount: samples + 1)
      let log = try! LossLog.read(from: path, missing: .carryForward, sampleCount: samples + 1)
      #expect(file.fill == log.fill)
      try! expectSameEpochs(file, log)
    }
  }

  @Test func pandasStyleCSVReadsTheSame() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let plain = try write(
      "epoch,sample,loss,label\n0,0,0.5,1\n0,1,1.25,0\n1,1,0.75,0\n1,0,2,1\n", "plain.csv",
      in: folder)
    // What df.to_csv writes: a UTF-8 BOM (encoding="utf-8-sig"), the unnamed index column,
    // columns in the frame's order, an extra column, CRLF line ends.
    let pandas = try write(
      "\u{FEFF},loss,label,note,sample,epoch\r\n0,0.5,1,a,0,0\r\n1,1.25,0,b,1,0\r\n"
        + "2,0.75,0,c,1,1\r\n3,2.0,1,d,0,1\r\n", "pandas.csv", in: folder)
    let reference = try LossLog.read(from: plain)
    try expectSameEpochs(try LossLogFile.open(path: pandas), reference)
    #expect(try LossLogFile.open(path: pandas).labels == [1, 0])
  }

  @Test func badLogsGetClearErrors() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cases: [(String, String)] = [
      ("epoch,sample,loss\n0,0,1\n1,0,1\n0,1,1\n", "a row of epoch 0 after rows of epoch 1"),
      ("epoch,sample,loss\n0,0,1\n0,1,nan\n", "line 3: loss is nan"),
      ("epoch,sample,loss\n0,0,1\n0,1,1\n2,0,1\n2,1,1\n", "epoch 1 has no rows"),
      ("epoch,sample,loss\n0,0,1\n0,1,1\n0,1,2\n", "already appeared on line 3"),
      ("epoch,sample,loss\n0,0,1\n0,1,1.2.3\n", "\"1.2.3\""),
      ("sample,loss\n0,1\n", "header"),
      ("", "is empty"),
      ("epoch,sample,loss\n0,0,1\n0,1,1\n1,1,1\n", "epoch 1 lacks 1 sample(s), the first being sample 0"),
      ("epoch,sample,loss,label\n0,0,1,2\n1,0,1,3\n", "has label 3, but 2"),
    ]
    for (text, message) in cases {
      let path = try write(text, "bad.csv", in: folder)
      #expect {
        _ = try LossLogFile.open(path: path)
      } throws: { error in
        "\(error)".contains(message)
      }
    }
    #expect { _ = try LossLogFile.open(path: folder.path + "/none.csv") } throws: {
      "\($0)".contains("no such file")
    }
  }

  /// The bytes of a `.npy` file holding `values` as float64 (or float32) of `shape`.
  func npy(_ values: [Double], shape: [Int], float32: Bool = false, fortran: Bool = false)
    -> Data
  {
    let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(\(shape.map(String.init).joined(separator: ", ")))"
    var header =
      "{'descr': '\(float32 ? "<f4" : "<f8")', 'fortran_order': \(fortran ? "True" : "False"), "
      + "'shape': \(shapeText), }"
    while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
    header += "\n"
    var data = Data([0x93] + Array("NUMPY".utf8) + [1, 0])
    let length = UInt16(header.utf8.count)
    data.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8)])
    data.append(contentsOf: Array(header.utf8))
    for value in values {
      if float32 {
        withUnsafeBytes(of: Float(value).bitPattern.littleEndian) { data.append(contentsOf: $0) }
      } else {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
      }
    }
    return data
  }

  @Test func numpyArraysReadEpochByEpoch() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let values = (0..<12).map { Double($0) * 0.25 + 0.1 }
    let log = try LossLog(sampleCount: 4, losses: values)
    let matrix = folder.appendingPathComponent("losses.npy")
    try npy(values, shape: [3, 4]).write(to: matrix)
    try expectSameEpochs(try LossLogFile.open(path: matrix.path), log)
    // One file per epoch, ordered by the number in the name (2 before 10).
    let perEpoch = folder.appendingPathComponent("epochs")
    try FileManager.default.createDirectory(at: perEpoch, withIntermediateDirectories: true)
    for (epoch, name) in ["loss-2.npy", "loss-10.npy", "loss-11.npy"].enumerated() {
      try npy(Array(values[(4 * epoch)..<(4 * epoch + 4)]), shape: [4])
        .write(to: perEpoch.appendingPathComponent(name))
    }
    try expectSameEpochs(try LossLogFile.open(path: perEpoch.path), log)
    let single = folder.appendingPathComponent("single.npy")
    try npy(values, shape: [3, 4], float32: true).write(to: single)
    var epoch: [Double] = []
    try LossLogFile.open(path: single.path).readEpoch(2, into: &epoch)
    #expect(epoch == values[8..<12].map { Double(Float($0)) })
  }

  @Test func badNumpyArraysAreRefused() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cases: [(Data, String)] = [
      (npy([1, .nan, 2, 3], shape: [2, 2]), "sample 1 in epoch 0 is nan"),
      (npy([1, 2, 3, 4], shape: [2, 2], fortran: true), "Fortran-order"),
      (npy([1, 2, 3], shape: [2, 2]), "fewer than its shape needs"),
      (Data("not numpy".utf8), "not a NumPy .npy file"),
    ]
    for (data, message) in cases {
      let url = folder.appendingPathComponent("bad.npy")
      try data.write(to: url)
      #expect { _ = try LossLogFile.open(path: url.path) } throws: { "\($0)".contains(message) }
    }
  }

  @Test func fastNumberParsingAgreesWithDouble() async {
    await propertyCheck(count: 300, input: Gen.uint64(in: 0...UInt64.max)) { bits in
      var generator = SeededGenerator(seed: bits)
      let value = Double(bitPattern: generator.next())
      let scaled = 3 * generator.nextUnit()
      for text in [
        value.description, scaled.description, String(scaled.description.prefix(6)),
        "\(Int(bits % 1000))", "-\(bits % 97).5e-3", "1e+05", "0.000", "-0", ".5", "5.",
        "1e", "1.2.3", "nan", "-inf", "0x1p-3", "+7",
      ] {
        let parsed = Array(text.utf8).withUnsafeBufferPointer { CSVNumbers.parseDouble($0) }
        let expected = Double(text)
        #expect(
          parsed?.bitPattern == expected?.bitPattern
            || (parsed?.isNaN == true && expected?.isNaN == true), "\(text)")
      }
    }
  }
}
