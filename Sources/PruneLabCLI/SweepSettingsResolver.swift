import PruneCore
import PruneSignals
import PruneSweep

/// Turns a sweep point's settings into configurations: a name the rule catalog knows
/// (`prunelab rules`) sets a rule option, any other name is a signal option of
/// `prunelab simulate`, applied over the fixed signal settings.
struct SweepSettingsResolver: Sendable {
  /// The fixed signal settings, every option explicit (``SignalOptions/canonicalArguments``).
  let baseSignalArguments: [String]

  /// - Throws: ``PruneSweep/PruneSweepError/badSetting(name:value:reason:)`` naming the setting.
  func conditions(for point: SweepPoint) throws -> SweepConditions {
    var arguments = baseSignalArguments
    var ruleOptions = RuleOptions()
    for setting in point.settings {
      if RuleCatalog.kind(ofOption: setting.name) != nil {
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
      return SweepConditions(
        learner: try signals.learnerConfiguration(),
        activations: try signals.activationConfiguration(), ruleOptions: ruleOptions)
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
