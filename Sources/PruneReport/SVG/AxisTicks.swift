#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How an axis maps values to positions.
public enum AxisScale: Sendable, Hashable {
  /// Equal distances for equal differences.
  case linear
  /// Equal distances for equal ratios; values <= 0 cannot be shown and are skipped.
  case log10
}

/// One tick mark: where it is, and its label (empty for an unlabelled minor tick).
public struct AxisTick: Sendable, Hashable {
  public let value: Double
  public let label: String
  public var isMajor: Bool { !label.isEmpty }
}

/// "Nice" tick positions, in the tradition of Heckbert's labelling (Graphics Gems, 1990): steps
/// of 1, 2 or 5 times a power of ten on linear axes, decades on log axes.
///
/// Tick values are computed as integer multiples of the step divided by an exact power of ten,
/// so `0.6` is the `Double` nearest 0.6 (not `3 * 0.2 = 0.6000000000000001`) and labels are exact.
public enum AxisTicks {
  /// The 1-2-5 step that divides `span` into the number of intervals closest to `intervals`
  /// (ties go to the larger step), as `mantissa * 10^exponent`.
  public static func niceStep(span: Double, intervals: Int) -> (mantissa: Int, exponent: Int) {
    let target = Double(max(1, intervals))
    let rough = span / target
    guard rough.isFinite, rough > 0 else { return (1, 0) }
    let exponent = Int(NumberFormat.log10Floor(rough))
    let candidates = [(1, exponent), (2, exponent), (5, exponent), (1, exponent + 1)]
    var best = candidates[0]
    var bestDistance = Double.infinity
    for candidate in candidates {
      let step = scaled(candidate.0, exponent: candidate.1)
      let distance = abs(span / step - target)
      if distance <= bestDistance + 1e-9 {
        best = candidate
        bestDistance = min(bestDistance, distance)
      }
    }
    return best
  }

  /// `count * 10^exponent`, rounded once (division by an exact power of ten when negative).
  static func scaled(_ count: Int, exponent: Int) -> Double {
    exponent >= 0
      ? Double(count) * NumberFormat.power10(exponent)
      : Double(count) / NumberFormat.power10(-exponent)
  }

  /// Ticks on a linear axis from `lower` to `upper` (inclusive, with a little slack).
  ///
  /// - Parameters:
  ///   - intervals: About how many steps to aim for; the step is the 1-2-5 value nearest above.
  ///   - loose: When true, `lower`/`upper` are first widened to the enclosing ticks.
  /// - Returns: The ticks and the (possibly widened) limits.
  public static func linear(
    lower: Double, upper: Double, intervals: Int = 5,
    loose: (lower: Bool, upper: Bool) = (false, false)
  ) -> (ticks: [AxisTick], lower: Double, upper: Double) {
    let (mantissa, exponent) = niceStep(span: upper - lower, intervals: intervals)
    let step = scaled(mantissa, exponent: exponent)
    guard (upper - lower).isFinite, abs(lower / step) < 1e15, abs(upper / step) < 1e15 else {
      // A span beyond Double's range: label just the two ends.
      let ends = [lower, upper].map {
        AxisTick(value: $0, label: NumberFormat.significant($0, digits: 3))
      }
      return (ends, lower, upper)
    }
    let slack = 1e-9
    var first = Int((lower / step - slack).rounded(.up))
    var last = Int((upper / step + slack).rounded(.down))
    var newLower = lower
    var newUpper = upper
    if loose.lower {
      first = Int((lower / step + slack).rounded(.down))
      newLower = scaled(first * mantissa, exponent: exponent)
    }
    if loose.upper {
      last = Int((upper / step - slack).rounded(.up))
      newUpper = scaled(last * mantissa, exponent: exponent)
    }
    let values =
      first <= last ? (first...last).map { scaled($0 * mantissa, exponent: exponent) } : []
    let largest = values.map(abs).max() ?? 0
    let useScientific = largest >= 1e6 || (step < 1e-4)
    let decimals = max(0, -exponent)
    let ticks = values.map { value -> AxisTick in
      let text =
        useScientific && value != 0
        ? NumberFormat.significant(value, digits: significantDigits(value, step: step))
        : NumberFormat.fixed(value, decimals: useScientific ? 0 : decimals)
      return AxisTick(value: value, label: text)
    }
    return (ticks, newLower, newUpper)
  }

  /// Enough significant digits to tell ticks `step` apart.
  private static func significantDigits(_ value: Double, step: Double) -> Int {
    let valueExponent = NumberFormat.log10Floor(abs(value))
    let stepExponent = NumberFormat.log10Floor(step)
    return max(1, Int(valueExponent - stepExponent) + 1)
  }

  /// Ticks on a log10 axis: labelled decades (every `stride`-th when there are many), unlabelled
  /// minor ticks at 2..9 times each decade when at most six decades show, and labels at 2 and 5
  /// when the axis spans at most three decades and all those labels fit in `maxLabels`. When
  /// fewer than two labels would show, linear 1-2-5 ticks are placed on the log scale instead.
  ///
  /// - Parameters:
  ///   - maxLabels: The most labels that fit; decades are thinned to stay below it.
  ///   - loose: Widens the free limits to whole decades.
  public static func log10(
    lower: Double, upper: Double, maxLabels: Int = 9,
    loose: (lower: Bool, upper: Bool) = (false, false)
  ) -> (ticks: [AxisTick], lower: Double, upper: Double) {
    var lowExponent = Int(NumberFormat.log10Floor(lower))
    var highExponent = Int(NumberFormat.log10Floor(upper))
    if NumberFormat.power10(highExponent) < upper * (1 - 1e-12) { highExponent += 1 }
    if NumberFormat.power10(lowExponent) < lower * (1 - 1e-12), !loose.lower {
      lowExponent += 1  // first decade inside the range
    }
    var newLower = lower
    var newUpper = upper
    if loose.lower { newLower = NumberFormat.power10(lowExponent) }
    if loose.upper { newUpper = NumberFormat.power10(highExponent) }
    let inside = { (value: Double) in
      value >= newLower * (1 - 1e-12) && value <= newUpper * (1 + 1e-12)
    }
    let decades = (min(lowExponent, highExponent)...max(lowExponent, highExponent)).filter {
      inside(NumberFormat.power10($0))
    }
    let spanDecades = Double.log10Ratio(newUpper, newLower)
    let stride = max(1, Int((Double(decades.count) / Double(max(2, maxLabels))).rounded(.up)))
    // Up to three decades, 2 and 5 are labelled too when all those labels fit.
    let firstExponent = min(lowExponent, highExponent) - 1
    let lastExponent = max(lowExponent, highExponent)
    let multiplesInside = (firstExponent...lastExponent).reduce(0) { count, exponent in
      count + [2, 5].filter { inside(Double($0) * NumberFormat.power10(exponent)) }.count
    }
    let labelsMultiples =
      spanDecades <= 3.05 && decades.count + multiplesInside <= max(2, maxLabels)
    let useSuperscript =
      (decades.first ?? 0) < -3 || (decades.last ?? 0) > 4
    var ticks: [AxisTick] = []
    for exponent in firstExponent...lastExponent {
      for multiple in 1...9 {
        let value = Double(multiple) * NumberFormat.power10(exponent)
        guard inside(value) else { continue }
        let labelled: Bool
        if multiple == 1 {
          labelled = ((exponent - (decades.first ?? exponent)) % stride) == 0
        } else {
          labelled = labelsMultiples && (multiple == 2 || multiple == 5)
        }
        let showsMinor = spanDecades <= 6.05 || (multiple == 1 && decades.count <= 40)
        guard labelled || showsMinor else { continue }
        let label =
          labelled
          ? logLabel(multiple: multiple, exponent: exponent, superscript: useSuperscript) : ""
        ticks.append(AxisTick(value: value, label: label))
      }
    }
    if ticks.filter(\.isMajor).count < 2 {
      // Less than a decade: linear 1-2-5 ticks are clearer than one lonely label.
      let fallback = linear(lower: newLower, upper: newUpper, intervals: 4)
      return (fallback.ticks.filter { $0.value > 0 }, newLower, newUpper)
    }
    return (ticks, newLower, newUpper)
  }

  /// `1000`, `0.02` or `10⁻⁶`, `5×10⁷`.
  static func logLabel(multiple: Int, exponent: Int, superscript: Bool) -> String {
    if !superscript {
      return NumberFormat.significant(Double(multiple) * NumberFormat.power10(exponent), digits: 1)
    }
    let digits: [Character: Character] = [
      "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸",
      "9": "⁹", "-": "⁻",
    ]
    let power = "10" + String(String(exponent).compactMap { digits[$0] })
    return multiple == 1 ? power : "\(multiple)×" + power
  }
}

fileprivate extension Double {
  /// log10(upper / lower) through the C library.
  static func log10Ratio(_ upper: Double, _ lower: Double) -> Double {
    log10(upper / lower)
  }
}
