import Foundation
import PruneReport
import PruneSignals

/// A learner file: the synthetic learner's knobs as JSON, written by `prunelab calibrate` and
/// read by `simulate --learner FILE` and `sweep run --learner FILE`.
///
/// ```json
/// {"format": "prunelab-learner 1", "samples": 2000, "epochs": 15, "source": "losses.csv",
///  "knobs": {"initialLoss": 2.3, "lossFloor": 0.01, "learningSpeed": 0.5, "globalSpeed": 0,
///            "difficulty": {"kind": "log-normal", "median": 1, "sigma": 1},
///            "noiseLevel": 0.1, "heavyTailDegrees": null, "labelNoiseFraction": 0,
///            "noisyLoss": 2.3, "forgettingRate": 0, "forgettingSize": 0.5, "classCount": 10,
///            "imbalanceRatio": 1, "weightsCountAsVisits": true},
///  "fit": {...}}
/// ```
/// Every knob is required and checked by ``PruneSignals/LearnerConfiguration``'s init, so a
/// file never yields a learner the options could not.
public enum LearnerFile {
  public static let format = "prunelab-learner 1"

  /// The file's JSON text: `configuration`, plus what it was fitted on and diagnostics.
  public static func text(
    _ configuration: LearnerConfiguration, samples: Int? = nil, epochs: Int? = nil,
    source: String? = nil, fit: [String: JSONValue] = [:]
  ) -> String {
    var members: [String: JSONValue] = [
      "format": .string(format), "knobs": knobs(configuration),
    ]
    if let samples { members["samples"] = .integer(samples) }
    if let epochs { members["epochs"] = .integer(epochs) }
    if let source { members["source"] = .string(source) }
    if !fit.isEmpty { members["fit"] = .object(fit) }
    return JSONValue.object(members).serialized(pretty: true) + "\n"
  }

  static func knobs(_ c: LearnerConfiguration) -> JSONValue {
    let difficulty: JSONValue
    switch c.difficulty {
    case .constant(let value):
      difficulty = .object(["kind": "constant", "value": .number(value)])
    case .logNormal(let median, let sigma):
      difficulty = .object([
        "kind": "log-normal", "median": .number(median), "sigma": .number(sigma),
      ])
    case .gamma(let shape, let scale):
      difficulty = .object(["kind": "gamma", "shape": .number(shape), "scale": .number(scale)])
    }
    return .object([
      "initialLoss": .number(c.initialLoss), "lossFloor": .number(c.lossFloor),
      "learningSpeed": .number(c.learningSpeed), "globalSpeed": .number(c.globalSpeed),
      "difficulty": difficulty, "noiseLevel": .number(c.noiseLevel),
      "heavyTailDegrees": c.heavyTailDegrees.map(JSONValue.number) ?? .null,
      "labelNoiseFraction": .number(c.labelNoiseFraction), "noisyLoss": .number(c.noisyLoss),
      "forgettingRate": .number(c.forgettingRate), "forgettingSize": .number(c.forgettingSize),
      "classCount": .integer(c.classCount), "imbalanceRatio": .number(c.imbalanceRatio),
      "weightsCountAsVisits": .bool(c.weightsCountAsVisits),
    ])
  }

  /// Reads the learner of file `path`.
  /// - Throws: ``PruneSweepError/badLearnerFile(path:reason:)`` naming the missing or bad knob;
  ///   the configuration's range errors for a value out of range.
  public static func read(path: String) throws -> LearnerConfiguration {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw PruneSweepError.badLearnerFile(path: path, reason: "cannot be read")
    }
    return try parse(text, path: path)
  }

  /// Parses learner-file text; `path` names it in errors.
  public static func parse(_ text: String, path: String) throws -> LearnerConfiguration {
    let json: JSONValue
    do {
      json = try JSONValue(parsing: text)
    } catch {
      throw PruneSweepError.badLearnerFile(path: path, reason: "it is not JSON")
    }
    guard json["format"]?.stringValue == format else {
      throw PruneSweepError.badLearnerFile(
        path: path, reason: "\"format\" is not \"\(format)\"")
    }
    guard let knobs = json["knobs"], case .object = knobs else {
      throw PruneSweepError.badLearnerFile(path: path, reason: "it has no \"knobs\" object")
    }
    func number(_ name: String, in object: JSONValue = knobs) throws -> Double {
      guard let value = object[name]?.doubleValue else {
        throw PruneSweepError.badLearnerFile(
          path: path, reason: "knob \"\(name)\" is missing or not a number")
      }
      return value
    }
    let difficulty: DifficultyDistribution
    guard let shape = knobs["difficulty"] else {
      throw PruneSweepError.badLearnerFile(path: path, reason: "knob \"difficulty\" is missing")
    }
    switch shape["kind"]?.stringValue {
    case "constant": difficulty = .constant(try number("value", in: shape))
    case "log-normal":
      difficulty = .logNormal(
        median: try number("median", in: shape), sigma: try number("sigma", in: shape))
    case "gamma":
      difficulty = .gamma(
        shape: try number("shape", in: shape), scale: try number("scale", in: shape))
    default:
      throw PruneSweepError.badLearnerFile(
        path: path, reason: "difficulty kind is not constant, log-normal or gamma")
    }
    let heavy: Double?
    switch knobs["heavyTailDegrees"] {
    case .some(.null): heavy = nil
    default: heavy = try number("heavyTailDegrees")
    }
    guard let classes = knobs["classCount"]?.intValue else {
      throw PruneSweepError.badLearnerFile(
        path: path, reason: "knob \"classCount\" is missing or not an integer")
    }
    guard case .bool(let weights) = knobs["weightsCountAsVisits"] else {
      throw PruneSweepError.badLearnerFile(
        path: path, reason: "knob \"weightsCountAsVisits\" is missing or not true/false")
    }
    return try LearnerConfiguration(
      initialLoss: try number("initialLoss"), lossFloor: try number("lossFloor"),
      learningSpeed: try number("learningSpeed"), globalSpeed: try number("globalSpeed"),
      difficulty: difficulty, noiseLevel: try number("noiseLevel"), heavyTailDegrees: heavy,
      labelNoiseFraction: try number("labelNoiseFraction"), noisyLoss: try number("noisyLoss"),
      forgettingRate: try number("forgettingRate"), forgettingSize: try number("forgettingSize"),
      classCount: classes, imbalanceRatio: try number("imbalanceRatio"),
      weightsCountAsVisits: weights)
  }
}
