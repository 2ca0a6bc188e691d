import PruneCore
import PruneSignals
import PruneSweep

/// Turns a sweep point's settings into configurations: a name the rule catalog knows
/// (`prunelab rules`) sets a rule option, `duplicates` the share of exact copies in the data
/// (``PruneSweep/DuplicatedLearner``), any other name is a signal option of
/// `prunelab simulate`, applied over the fixed signal settings. With `--learner FILE` the file
/// fixes the learner; the knobs of ``learnerFileKnobs`` may still be varied around it.
struct SweepSettingsResolver: Sendable {
  /// The fixed signal settings, every option explicit (``SignalOptions/canonicalArguments``).
  let baseSignalArguments: [String]

  /// The learner knobs a sweep may vary on top of a learner file.
  static let learnerFileKnobs = ["noise", "heavy-tail-nu", "label-noise", "forgetting-rate", "imbalance"]
  /// The activation generator's options (a learner file leaves them alone).
  static let activationOptions = [
    "activation-level", "activation-amplitude", "activation-decay", "activation-noise",
  ]

  /// - Throws: ``PruneSweep/PruneSweepError/badSetting(name:value:reason:)`` naming the setting.
  func conditions(for point: SweepPoint) throws -> SweepConditions {
    var arguments = baseSignalArguments
    var ruleOptions = RuleOptions()
    var duplicates = 0.0
    var overrides: [String: Double] = [:]
    let hasLearnerFile = arguments.contains("--learner")
    for setting in point.settings {
      if setting.name == "duplicates" {
        guard let value = Double(setting.value), value >= 0, value <= 0.9 else {
          throw PruneSweepError.badSetting(
            setting: "duplicates=\(setting.value)",
            reason: "the share of exact copies must be a number in [0, 0.9]")
        }
        duplicates = value
      } else if hasLearnerFile, !Self.activationOptions.contains(setting.name),
        RuleCatalog.kind(ofOption: setting.name) == nil
      {
        guard Self.learnerFileKnobs.contains(setting.name), let value = Double(setting.value)
        else {
          throw PruneSweepError.badSetting(
            setting: "\(setting.name)=\(setting.value)",
            reason: "with --learner the file fixes the learner; vary a number for one of "
              + Self.learnerFileKnobs.joined(separator: ", ") + ", a rule option or an "
              + "activation option")
        }
        overrides[setting.name] = value
      } else if RuleCatalog.kind(ofOption: setting.name) != nil {
        do {
          try ruleOptions.setValue(setting.value, forOption: setting.name)
        } catch {
          throw PruneSweepError.badSetting(
            setting: "\(setting.name)=\(setting.value)", reason: "\(error)")
        }
      } else {
        // `--name=value`, so a negative value is not taken for an option.
        let flag = "--" + setting.name
        if let at = arguments.firstIndex(of: flag), at + 1 < arguments.count {
          arguments.removeSubrange(at...(at + 1))
        }
        arguments.append("\(flag)=\(setting.value)")
      }
    }
    do {
      let signals = try SignalOptions.parse(arguments)
      var learner = try signals.learnerConfiguration()
      if !overrides.isEmpty {
        let nu = overrides["heavy-tail-nu"]
        learner = try learner.with(
          noiseLevel: overrides["noise"], heavyTailDegrees: nu.map { .some($0) },
          labelNoiseFraction: overrides["label-noise"],
          forgettingRate: overrides["forgetting-rate"], imbalanceRatio: overrides["imbalance"])
      }
      return SweepConditions(
        learner: learner, activations: try signals.activationConfiguration(),
        ruleOptions: ruleOptions, duplicateFraction: duplicates)
    } catch let error as PruneSweepError {
      throw error
    } catch {
      let names = point.settings.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")
      let reason =
        error is PruneSignalsError
        ? "\(error)"
        : SignalOptions.message(for: error) + "; vary a rule option (`prunelab rules`) or a "
          + "signal option of `prunelab simulate --help`."
      throw PruneSweepError.badSetting(setting: names, reason: reason)
    }
  }
}
