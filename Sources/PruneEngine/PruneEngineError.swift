import PruneCore

/// Errors of the simulation engine: a rule and a source that do not fit, or a bad plan.
public enum PruneEngineError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The rule needs signals the source does not provide.
  case missingSignals(rule: String, required: SignalKinds, source: String, provided: SignalKinds)
  /// The rule was set up for another number of samples than the source has.
  case sampleCountMismatch(rule: String, ruleSamples: Int, source: String, sourceSamples: Int)
  /// The source (a log) holds fewer epochs than the rule plans.
  case tooFewEpochs(source: String, available: Int, planned: Int)
  /// A plan the engine cannot run (index out of range, bad weight, wrong epoch, empty batch).
  case invalidPlan(rule: String, epoch: Int, detail: String)
  /// A matched-savings calibration that cannot start (target, tolerance, range).
  case badCalibration(String)
  /// The target saved fraction lies outside what the parameter's range reaches.
  case savingsUnreachable(
    parameter: String, target: Double, lowest: Double, highest: Double, range: ClosedRange<Double>)
  /// A saved fraction that is not monotone in the parameter on the range.
  case savingsNotMonotone(parameter: String, detail: String)
  /// The evaluations ran out before a run came within the tolerance.
  case savingsNotResolved(parameter: String, detail: String)

  public var description: String {
    switch self {
    case .missingSignals(let rule, let required, let source, let provided):
      let missing = required.subtracting(provided)
      return "rule \(rule) needs the \(missing) of every batch, but \(source) provides only "
        + "\(provided); pick a source that provides \(missing) (for example replay a log with "
        + "that column) or a rule that reads \(provided)."
    case .sampleCountMismatch(let rule, let ruleSamples, let source, let sourceSamples):
      return "rule \(rule) was set up for \(ruleSamples) samples but \(source) has "
        + "\(sourceSamples); set the rule up with the source's sample count."
    case .tooFewEpochs(let source, let available, let planned):
      return "\(source) holds \(available) epochs but the run plans \(planned); plan at most "
        + "\(available) epochs, or log more."
    case .invalidPlan(let rule, let epoch, let detail):
      return "rule \(rule), epoch \(epoch): the plan is invalid: \(detail)."
    case .badCalibration(let reason):
      return "matched savings: \(reason)."
    case .savingsUnreachable(let parameter, let target, let lowest, let highest, let range):
      return "matched savings: no \(parameter) in \(range) saves \(target); the range saves "
        + "between \(lowest) and \(highest). Widen the range or pick a target inside."
    case .savingsNotMonotone(let parameter, let detail):
      return "matched savings: the saved fraction is not monotone in \(parameter): \(detail); "
        + "narrow the range to where it is, or calibrate another parameter."
    case .savingsNotResolved(let parameter, let detail):
      return "matched savings on \(parameter): \(detail)."
    }
  }
}
