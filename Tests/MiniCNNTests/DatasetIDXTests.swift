import Testing

@testable import MiniCNN

#if canImport(Glibc)
import Glibc
#endif

/// A fresh folder under /tmp, removed with its files when the value goes away.
final class TemporaryFolder {
  let path: String
  init() throws {
    var template = Array("/tmp/prunelab-test-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer -> String? in
      guard let base = buffer.baseAddress, let name = mkdtemp(base) else { return nil }
      return String(cString: name)
    }
    self.path = try #require(made)
  }
  func file(_ name: String) -> String { "\(path)/\(name)" }
  deinit {
    if let directory = opendir(path) {
      while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(cString: raw.bindMemory(to: CChar.self).baseAddress.unsafelyUnwrapped)
        }
        if name != "." && name != ".." { unlink("\(path)/\(name)") }
      }
      closedir(directory)
    }
    rmdir(path)
  }
}

/// Writes raw bytes (no compression) to `path`.
func writeRawFile(_ bytes: [UInt8], to path: String) throws {
  let file = try #require(fopen(path, "wb"))
  defer { fclose(file) }
  let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
  try #require(written == bytes.count)
}

/// Reads a file's raw bytes.
func readRawFile(_ path: String) throws -> [UInt8] {
  let file = try #require(fopen(path, "rb"))
  defer { fclose(file) }
  var bytes: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 4096)
  while true {
    let count = buffer.withUnsafeMutableBufferPointer { fread($0.baseAddress, 1, $0.count, file) }
    if count == 0 { break }
    bytes.append(contentsOf: buffer[0..<count])
  }
  return bytes
}

@Suite struct DatasetIDXTests {
  let images = IDXArray(dimensions: [3, 2, 2], bytes: Array(0..<12))

  @Test func encodesTheHeaderBigEndian() {
    let bytes = IDXFile.encode(images)
    #expect(Array(bytes[0..<16]) == [0, 0, 8, 3, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 2])
    #expect(bytes.count == 16 + 12)
  }

  @Test func parsesWhatItEncodes() throws {
    let parsed = try IDXFile.parse(
      IDXFile.encode(images), path: "x", expectedMagic: IDXFile.imagesMagic)
    #expect(parsed == images)
    let labels = IDXArray(dimensions: [5], bytes: [9, 0, 3, 3, 1])
    let parsedLabels = try IDXFile.parse(
      IDXFile.encode(labels), path: "y", expectedMagic: IDXFile.labelsMagic)
    #expect(parsedLabels == labels)
  }

  @Test func roundTripsThroughGzip() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("images.gz")
    try IDXFile.write(images, to: path)
    let raw = try readRawFile(path)
    #expect(Array(raw[0..<2]) == [0x1F, 0x8B])  // the gzip magic: the file is compressed
    #expect(try IDXFile.read(path: path, expectedMagic: IDXFile.imagesMagic) == images)
  }

  @Test func readsAnUncompressedFileToo() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("plain")
    try writeRawFile(IDXFile.encode(images), to: path)
    #expect(try IDXFile.read(path: path, expectedMagic: IDXFile.imagesMagic) == images)
  }

  @Test func rejectsTheWrongMagicNumber() {
    #expect(throws: MiniCNNError.wrongMagicNumber(path: "f", found: 2051, expected: 2049)) {
      try IDXFile.parse(IDXFile.encode(images), path: "f", expectedMagic: IDXFile.labelsMagic)
    }
  }

  @Test func rejectsAWrongTypeCode() {
    var bytes = IDXFile.encode(images)
    bytes[2] = 0x0D  // float
    let magic: UInt32 = 0x0D03
    #expect(throws: MiniCNNError.corruptField(
      path: "f", field: "data type code", value: 13, expected: "8 (unsigned byte)")
    ) { try IDXFile.parse(bytes, path: "f", expectedMagic: magic) }
  }

  @Test(arguments: [0, 3])
  func rejectsAFileShorterThanTheMagicNumber(length: Int) {
    let bytes = Array(IDXFile.encode(images)[0..<length])
    #expect(throws: MiniCNNError.truncatedFile(
      path: "f", field: "magic number", expectedBytes: 4, foundBytes: length)
    ) { try IDXFile.parse(bytes, path: "f", expectedMagic: IDXFile.imagesMagic) }
  }

  @Test func namesTheTruncatedDimension() {
    let bytes = Array(IDXFile.encode(images)[0..<10])
    #expect(throws: MiniCNNError.truncatedFile(
      path: "f", field: "size of dimension 1", expectedBytes: 4, foundBytes: 2)
    ) { try IDXFile.parse(bytes, path: "f", expectedMagic: IDXFile.imagesMagic) }
  }

  @Test func namesTheTruncatedData() throws {
    let bytes = Array(IDXFile.encode(images).dropLast(5))
    let error = try #require(throws: MiniCNNError.self) {
      try IDXFile.parse(bytes, path: "f", expectedMagic: IDXFile.imagesMagic)
    }
    #expect(error == .truncatedFile(path: "f", field: "data (3 x 2 x 2)", expectedBytes: 12,
      foundBytes: 7))
    #expect(error.description.contains("truncated"))
  }

  @Test func rejectsTrailingBytes() {
    let bytes = IDXFile.encode(images) + [0]
    #expect(throws: MiniCNNError.self) {
      try IDXFile.parse(bytes, path: "f", expectedMagic: IDXFile.imagesMagic)
    }
  }

  @Test func rejectsAZeroDimension() {
    var bytes = IDXFile.encode(images)
    bytes[11] = 0  // dimension 1 = 0
    #expect(throws: MiniCNNError.corruptField(
      path: "f", field: "size of dimension 1", value: 0, expected: "at least 1")
    ) { try IDXFile.parse(bytes, path: "f", expectedMagic: IDXFile.imagesMagic) }
  }

  @Test func aMissingFileSaysHowToInstall() throws {
    let folder = try TemporaryFolder()
    let error = try #require(throws: MiniCNNError.self) {
      try FashionMNIST.load(.train, directory: folder.path)
    }
    guard case .missingDataFile(let path, _) = error else {
      Issue.record("expected missingDataFile, got \(error)")
      return
    }
    #expect(path.hasSuffix("train-images-idx3-ubyte.gz"))
    #expect(error.description.contains("apt-get install dataset-fashion-mnist"))
  }

  @Test func aTruncatedGzipStreamIsAnError() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("big.gz")
    let big = IDXArray(dimensions: [64, 28, 28], bytes: (0..<(64 * 784)).map { UInt8($0 % 251) })
    try IDXFile.write(big, to: path)
    let compressed = try readRawFile(path)
    try writeRawFile(Array(compressed.dropLast(compressed.count / 2)), to: path)
    let error = try #require(throws: MiniCNNError.self) {
      try IDXFile.read(path: path, expectedMagic: IDXFile.imagesMagic)
    }
    guard case .unreadableFile(let badPath, _) = error else {
      Issue.record("expected unreadableFile, got \(error)")
      return
    }
    #expect(badPath == path)
  }

  @Test func aCorruptChecksumIsAnError() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("crc.gz")
    try IDXFile.write(images, to: path)
    var compressed = try readRawFile(path)
    compressed[compressed.count - 8] ^= 0xFF  // first byte of the CRC-32 trailer
    try writeRawFile(compressed, to: path)
    #expect(throws: MiniCNNError.self) {
      try IDXFile.read(path: path, expectedMagic: IDXFile.imagesMagic)
    }
  }
}
