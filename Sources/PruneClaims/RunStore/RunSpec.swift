import Foundation
import MiniCNN

/// Everything that decides the bytes of one training run, and its fingerprint (issue 10).
///
/// A run is a pure function of: the data (``MiniCNN/DataFingerprint``: source, sizes and a hash
/// of every label and pixel), the trainer configuration (network options and initialisation,
/// optimiser, schedule, planned epochs, batch size, threads, seed), the rule (its name and its
/// complete parameter list, defaults included, as ``PruneCore/PruningRule/parameters`` reports
/// it), whether activations are measured, the OpenBLAS kernel (sgemm's summation order) and the
/// trainer's numerics version (``MiniCNN/TrainerNumerics``). The fingerprint is a 64-bit FNV-1a
/// hash of the spec's canonical JSON (sorted keys), written as 16 hex digits; a change of any
/// field gives another fingerprint, so a stored run is never mistaken for another.
public struct RunSpec: Sendable, Hashable, Codable {
  /// ``MiniCNN/TrainerNumerics/version`` when the run was trained.
  public var numerics: Int
  /// The OpenBLAS kernel the run needs (the profile's pinned kernel).
  public var blasKernel: String
  /// The data the run trains and evaluates on.
  public var data: DataFingerprint
  /// Epochs, batch, schedule, optimiser, network options, initialisation, threads, seed.
  public var trainer: TrainerConfiguration
  /// The rule's catalog name.
  public var rule: String
  /// The rule's complete parameters.
  public var ruleParameters: [String: String]

  public init(
    numerics: Int = TrainerNumerics.version, blasKernel: String, data: DataFingerprint,
    trainer: TrainerConfiguration, rule: String, ruleParameters: [String: String]
  ) {
    self.numerics = numerics
    self.blasKernel = blasKernel
    self.data = data
    self.trainer = trainer
    self.rule = rule
    self.ruleParameters = ruleParameters
  }

  /// The canonical JSON: sorted keys, no spaces.
  public var canonicalJSON: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // Encoding plain value types into JSON cannot fail.
    let data = try! encoder.encode(self)
    return String(decoding: data, as: UTF8.self)
  }

  /// 16 hex digits of FNV-1a over ``canonicalJSON``.
  public var fingerprint: String {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in canonicalJSON.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    let hex = String(h, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  /// A short readable name: `<rule>-e<epochs>-s<seed>[-nobn]`.
  public var shortName: String {
    var name = "\(rule)-e\(trainer.epochs)-s\(trainer.seed)"
    if !trainer.usesBatchNorm { name += "-nobn" }
    return name
  }

  /// The file name of the run in the store: `<shortName>-<fingerprint>.json`.
  public var fileName: String { "\(shortName)-\(fingerprint).json" }
}
