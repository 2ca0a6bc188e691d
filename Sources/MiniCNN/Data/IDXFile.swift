/// An unsigned-byte IDX array: its dimensions and its bytes in row-major order.
public struct IDXArray: Sendable, Equatable {
  /// The sizes of the dimensions, outermost first (`[60000, 28, 28]` for the training images).
  public var dimensions: [Int]
  /// The values, row-major; `bytes.count` is the product of ``dimensions``.
  public var bytes: [UInt8]

  /// - Precondition: `bytes.count` is the product of `dimensions`.
  public init(dimensions: [Int], bytes: [UInt8]) {
    precondition(dimensions.reduce(1, *) == bytes.count, "one byte per element")
    self.dimensions = dimensions
    self.bytes = bytes
  }
}

/// The IDX file format of MNIST and Fashion-MNIST (LeCun et al.), unsigned-byte arrays only.
///
/// Layout, all integers big-endian:
/// ```
/// magic (4 bytes) = 0x00 0x00 <type> <dimension count>     type 0x08 = unsigned byte
/// size of dimension 0 ... size of dimension d-1 (4 bytes each)
/// data (product of the sizes) bytes
/// ```
/// Images are magic 2051 (0x0803: bytes, 3 dimensions), labels 2049 (0x0801: bytes, 1 dimension).
public enum IDXFile {
  /// The magic number of an image file: unsigned bytes, 3 dimensions.
  public static let imagesMagic: UInt32 = 2051
  /// The magic number of a label file: unsigned bytes, 1 dimension.
  public static let labelsMagic: UInt32 = 2049

  /// Reads an IDX file, gzip-compressed or not, and checks it.
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - expectedMagic: ``imagesMagic`` or ``labelsMagic`` (or any unsigned-byte magic).
  ///   - missingHint: What to tell the user when the file does not exist.
  /// - Throws: ``MiniCNNError`` naming the file and the bad field.
  public static func read(
    path: String, expectedMagic: UInt32, missingHint: String = "check the path."
  ) throws -> IDXArray {
    let bytes = try GzipFile.read(path: path, missingHint: missingHint)
    return try parse(bytes, path: path, expectedMagic: expectedMagic)
  }

  /// Parses the bytes of an IDX file.
  ///
  /// - Parameters:
  ///   - bytes: The decompressed file.
  ///   - path: The file's name, for error messages.
  ///   - expectedMagic: The magic number the file must start with.
  /// - Throws: ``MiniCNNError/truncatedFile(path:field:expectedBytes:foundBytes:)`` when the
  ///   header or the data ends early, ``MiniCNNError/wrongMagicNumber(path:found:expected:)``,
  ///   ``MiniCNNError/corruptField(path:field:value:expected:)`` for a zero or oversized
  ///   dimension or trailing bytes.
  /// - Complexity: O(*n*); one copy of the data.
  public static func parse(
    _ bytes: [UInt8], path: String, expectedMagic: UInt32
  ) throws -> IDXArray {
    guard bytes.count >= 4 else {
      throw MiniCNNError.truncatedFile(
        path: path, field: "magic number", expectedBytes: 4, foundBytes: bytes.count)
    }
    let magic = bigEndianWord(bytes, at: 0)
    guard magic == expectedMagic else {
      throw MiniCNNError.wrongMagicNumber(path: path, found: magic, expected: expectedMagic)
    }
    let dimensionCount = Int(magic & 0xFF)
    let typeCode = Int((magic >> 8) & 0xFF)
    guard typeCode == 0x08 else {
      throw MiniCNNError.corruptField(
        path: path, field: "data type code", value: typeCode, expected: "8 (unsigned byte)")
    }
    var dimensions: [Int] = []
    dimensions.reserveCapacity(dimensionCount)
    var elementCount = 1
    for d in 0..<dimensionCount {
      let offset = 4 + 4 * d
      guard bytes.count >= offset + 4 else {
        throw MiniCNNError.truncatedFile(
          path: path, field: "size of dimension \(d)", expectedBytes: 4,
          foundBytes: bytes.count - offset)
      }
      let size = Int(bigEndianWord(bytes, at: offset))
      guard size > 0 else {
        throw MiniCNNError.corruptField(
          path: path, field: "size of dimension \(d)", value: size, expected: "at least 1")
      }
      let (product, overflow) = elementCount.multipliedReportingOverflow(by: size)
      guard !overflow, product <= 1 << 40 else {
        throw MiniCNNError.corruptField(
          path: path, field: "size of dimension \(d)", value: size,
          expected: "a size whose product with the others fits in memory")
      }
      elementCount = product
      dimensions.append(size)
    }
    let headerCount = 4 + 4 * dimensionCount
    let dataCount = bytes.count - headerCount
    guard dataCount >= elementCount else {
      throw MiniCNNError.truncatedFile(
        path: path, field: "data (\(dimensions.map(String.init).joined(separator: " x ")))",
        expectedBytes: elementCount, foundBytes: dataCount)
    }
    guard dataCount == elementCount else {
      throw MiniCNNError.corruptField(
        path: path, field: "file length", value: bytes.count,
        expected: "\(headerCount + elementCount) bytes (header + data); extra bytes follow the data")
    }
    return IDXArray(dimensions: dimensions, bytes: Array(bytes[headerCount...]))
  }

  /// The bytes of an IDX file holding `array` (the inverse of ``parse(_:path:expectedMagic:)``).
  ///
  /// - Precondition: at most 255 dimensions, each below 2^32.
  public static func encode(_ array: IDXArray) -> [UInt8] {
    precondition(array.dimensions.count < 256, "IDX allows at most 255 dimensions")
    var bytes: [UInt8] = []
    bytes.reserveCapacity(4 + 4 * array.dimensions.count + array.bytes.count)
    appendBigEndian(0x0800 | UInt32(array.dimensions.count), to: &bytes)
    for size in array.dimensions {
      precondition(size >= 0 && size <= Int(UInt32.max), "IDX sizes are 32-bit")
      appendBigEndian(UInt32(size), to: &bytes)
    }
    bytes.append(contentsOf: array.bytes)
    return bytes
  }

  /// Writes `array` as a gzip-compressed IDX file.
  public static func write(_ array: IDXArray, to path: String) throws {
    try GzipFile.write(encode(array), to: path)
  }

  private static func bigEndianWord(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16
      | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
  }

  private static func appendBigEndian(_ word: UInt32, to bytes: inout [UInt8]) {
    bytes.append(UInt8(word >> 24))
    bytes.append(UInt8((word >> 16) & 0xFF))
    bytes.append(UInt8((word >> 8) & 0xFF))
    bytes.append(UInt8(word & 0xFF))
  }
}
