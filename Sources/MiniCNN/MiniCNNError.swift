/// Errors of the mini-CNN: data files, dataset and generator settings, network and trainer
/// configuration, batch shapes, checkpoints. Each case carries the values; ``description``
/// names the parameter or file, the value, what was expected and the fix.
public enum MiniCNNError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A data file that does not exist.
  case missingDataFile(path: String, hint: String)
  /// A file zlib could not read or decompress (not gzip, bad CRC, truncated stream).
  case unreadableFile(path: String, detail: String)
  /// A file that could not be written.
  case unwritableFile(path: String, detail: String)
  /// An IDX file whose header starts with the wrong magic number.
  case wrongMagicNumber(path: String, found: UInt32, expected: UInt32)
  /// An IDX file that ends before `field` is complete.
  case truncatedFile(path: String, field: String, expectedBytes: Int, foundBytes: Int)
  /// An IDX or data file whose field `field` holds a value that cannot be right.
  case corruptField(path: String, field: String, value: Int, expected: String)
  /// A parameter outside its allowed range (NaN included).
  case outOfRange(parameter: String, value: Double, allowed: String)
  /// Two settings that contradict each other.
  case inconsistent(parameters: String, reason: String)
  /// A buffer whose size does not fit the shape it should hold.
  case sizeMismatch(what: String, expected: Int, actual: Int)
  /// A class label outside `0..<classCount`.
  case labelOutOfRange(label: Int, classCount: Int)
  /// A checkpoint that does not fit the network or optimiser it is restored into.
  case incompatibleState(reason: String)
  /// A training loss that became NaN or infinite.
  case diverged(epoch: Int, batch: Int, loss: Double, learningRate: Double)

  public var description: String {
    switch self {
    case .missingDataFile(let path, let hint):
      return "data file \(path) does not exist; \(hint)"
    case .unreadableFile(let path, let detail):
      return "cannot read \(path): \(detail); the file is damaged or not what it should be: "
        + "reinstall or re-download it."
    case .unwritableFile(let path, let detail):
      return "cannot write \(path): \(detail); check that the folder exists and is writable."
    case .wrongMagicNumber(let path, let found, let expected):
      return "\(path): magic number is \(found), expected \(expected); this is not the IDX file "
        + "it should be (images have 2051, labels 2049): check the file name or reinstall it."
    case .truncatedFile(let path, let field, let expectedBytes, let foundBytes):
      return "\(path) is truncated: \(field) needs \(expectedBytes) bytes but only \(foundBytes) "
        + "remain; reinstall or re-download the file."
    case .corruptField(let path, let field, let value, let expected):
      return "\(path): \(field) = \(value), expected \(expected); the file is corrupt or of "
        + "another kind: reinstall or re-download it."
    case .outOfRange(let parameter, let value, let allowed):
      return "\(parameter) = \(value) is outside \(allowed); pass a value in that range."
    case .inconsistent(let parameters, let reason):
      return "\(parameters): \(reason)"
    case .sizeMismatch(let what, let expected, let actual):
      return "\(what) has \(actual) elements but the shape needs \(expected); "
        + "pass a buffer of exactly \(expected) elements."
    case .labelOutOfRange(let label, let classCount):
      return "label \(label) is outside 0..<\(classCount); labels must index one of the "
        + "\(classCount) classes of the network."
    case .incompatibleState(let reason):
      return "cannot restore the state: \(reason)"
    case .diverged(let epoch, let batch, let loss, let learningRate):
      return "the training loss of batch \(batch) in epoch \(epoch) is \(loss) at learning rate "
        + "\(learningRate); training diverged: lower --lr (the maximum learning rate)."
    }
  }
}
