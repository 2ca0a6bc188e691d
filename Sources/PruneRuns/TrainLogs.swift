import MiniCNN
import PruneCore
import PruneReport

#if canImport(Glibc)
import Glibc
#endif

/// Streams the trainer's per-sample loss log `epoch,sample,loss,label` and activation log
/// `epoch,batch,xbar` (ARCHITECTURE.md "Formats"; the formats PruneSignals' `LossLog` and
/// `ActivationLog` read) one epoch at a time, so a 30-epoch Fashion-MNIST log never sits in memory.
///
/// Rows of an epoch are sorted by sample (or batch id); a pruned epoch has rows only for what it
/// trained. Each epoch is appended to `<name>.partial` when it ends; ``finish()`` renames the file
/// into place. A resumed run first cuts the partial files back to the epochs its checkpoint holds.
final class TrainLogs {
  private let lossPath: String?
  private let activationPath: String?
  private let labels: [Int]
  private var epochLosses: [Double]
  private var epochActivations: [Int: Double] = [:]

  /// - Parameters:
  ///   - folder: The output folder.
  ///   - logsLosses, logsActivations: Which logs to write.
  ///   - labels: The training labels, by sample.
  ///   - resumingAtEpoch: The resumed run's first epoch (nil for a fresh run).
  init(
    folder: String, logsLosses: Bool, logsActivations: Bool, labels: [Int],
    resumingAtEpoch: Int?
  ) throws {
    lossPath = logsLosses ? "\(folder)/losses.csv" : nil
    activationPath = logsActivations ? "\(folder)/activations.csv" : nil
    self.labels = labels
    epochLosses = [Double](repeating: .nan, count: logsLosses ? labels.count : 0)
    if let lossPath {
      try Self.prepare(
        lossPath + ".partial", header: "epoch,sample,loss,label", keepingEpochsBelow: resumingAtEpoch)
    }
    if let activationPath {
      try Self.prepare(
        activationPath + ".partial", header: "epoch,batch,xbar",
        keepingEpochsBelow: resumingAtEpoch)
    }
  }

  /// The logs' file names, for the manifest.
  var fileNames: [String] {
    [lossPath, activationPath].compactMap { $0?.split(separator: "/").last.map(String.init) }
  }

  /// Takes one trained batch's signals.
  func record(_ report: BatchReport) {
    if lossPath != nil, let losses = report.losses {
      for (sample, loss) in zip(report.samples, losses) { epochLosses[sample] = loss }
    }
    if activationPath != nil, let statistic = report.activationStatistic {
      epochActivations[report.batchID] = statistic
    }
  }

  /// Appends the finished epoch's rows.
  func finishEpoch(_ epoch: Int) throws {
    if let lossPath {
      var text = ""
      text.reserveCapacity(labels.count * 28)
      for sample in epochLosses.indices where !epochLosses[sample].isNaN {
        text += "\(epoch),\(sample),\(epochLosses[sample]),\(labels[sample])\n"
        epochLosses[sample] = .nan
      }
      try Self.append(text, to: lossPath + ".partial")
    }
    if let activationPath {
      var text = ""
      for batch in epochActivations.keys.sorted() {
        text += "\(epoch),\(batch),\(epochActivations[batch] ?? .nan)\n"
      }
      epochActivations.removeAll(keepingCapacity: true)
      try Self.append(text, to: activationPath + ".partial")
    }
  }

  /// Moves the complete logs into place.
  func finish() throws {
    for path in [lossPath, activationPath].compactMap({ $0 })
    where rename(path + ".partial", path) != 0 {
      throw PruneReportError.cannotWriteFile(path: path, reason: Self.systemError())
    }
  }

  /// Creates `path` with its header, or keeps the rows of epochs below `epoch` of an existing
  /// partial log of a resumed run.
  private static func prepare(_ path: String, header: String, keepingEpochsBelow epoch: Int?)
    throws
  {
    var text = header + "\n"
    if let epoch {
      guard let existing = try? readText(path) else {
        throw PruneRunsError.missingPartialLog(path: path)
      }
      for line in existing.split(separator: "\n").dropFirst() {
        guard let comma = line.firstIndex(of: ","), let rowEpoch = Int(line[..<comma]) else {
          continue
        }
        if rowEpoch < epoch { text += line + "\n" }
      }
    }
    guard let file = fopen(path, "w") else {
      throw PruneReportError.cannotWriteFile(path: path, reason: systemError())
    }
    defer { fclose(file) }
    guard fputs(text, file) >= 0 else {
      throw PruneReportError.cannotWriteFile(path: path, reason: systemError())
    }
  }

  private static func append(_ text: String, to path: String) throws {
    guard let file = fopen(path, "a") else {
      throw PruneReportError.cannotWriteFile(path: path, reason: systemError())
    }
    defer { fclose(file) }
    guard text.isEmpty || fputs(text, file) >= 0, fflush(file) == 0 else {
      throw PruneReportError.cannotWriteFile(path: path, reason: systemError())
    }
  }

  private static func readText(_ path: String) throws -> String {
    guard let file = fopen(path, "r") else {
      throw PruneRunsError.missingPartialLog(path: path)
    }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = buffer.withUnsafeMutableBufferPointer { fread($0.baseAddress, 1, $0.count, file) }
      if count == 0 { break }
      bytes.append(contentsOf: buffer[0..<count])
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func systemError() -> String {
    guard let message = strerror(errno) else { return "errno \(errno)" }
    return String(cString: message)
  }
}
