extension ConvolutionalNetwork {
  /// A 64-bit FNV-1a digest of everything that decides the network's outputs: every parameter's
  /// values (``parameters`` order) and every BatchNorm layer's running mean and variance, as
  /// float bit patterns.
  ///
  /// Two networks with equal digests compute the same outputs (up to a 2^-64 collision); one
  /// differing bit in any weight changes it. The run store keeps it after every epoch so that a
  /// retraining can be checked bit for bit (issue 10, `reproduce --verify`).
  public var weightDigest: UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    func mix(_ values: [Float]) {
      for value in values {
        h = (h ^ UInt64(value.bitPattern)) &* 0x0000_0100_0000_01B3
      }
    }
    for parameter in parameters { mix(parameter.values) }
    for normalization in normalizations {
      mix(normalization.runningMean)
      mix(normalization.runningVariance)
    }
    return h
  }
}
