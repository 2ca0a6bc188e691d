import PruneSignals

extension LearnerConfiguration {
  /// The configuration with some knobs changed (nil keeps a knob; `heavyTailDegrees: .some(nil)`
  /// makes the noise Gaussian), checked like a new one.
  /// - Throws: ``PruneSignals/PruneSignalsError/outOfRange(parameter:value:allowed:)``.
  public func with(
    noiseLevel: Double? = nil, heavyTailDegrees: Double?? = nil,
    labelNoiseFraction: Double? = nil, forgettingRate: Double? = nil,
    imbalanceRatio: Double? = nil
  ) throws -> LearnerConfiguration {
    try LearnerConfiguration(
      initialLoss: initialLoss, lossFloor: lossFloor, learningSpeed: learningSpeed,
      globalSpeed: globalSpeed, difficulty: difficulty, noiseLevel: noiseLevel ?? self.noiseLevel,
      heavyTailDegrees: heavyTailDegrees ?? self.heavyTailDegrees,
      labelNoiseFraction: labelNoiseFraction ?? self.labelNoiseFraction, noisyLoss: noisyLoss,
      forgettingRate: forgettingRate ?? self.forgettingRate, forgettingSize: forgettingSize,
      classCount: classCount, imbalanceRatio: imbalanceRatio ?? self.imbalanceRatio,
      weightsCountAsVisits: weightsCountAsVisits)
  }
}
