import PruneCore

/// Kaiming-normal initialisation with fan-in scaling (He et al., ICCV 2015, Eq. 10):
///
/// ```
/// w ~ N(0, std^2),   std = sqrt(2 / fanIn)
/// ```
///
/// where `fanIn` is `9 * Cin` for a 3x3 convolution and the input width for a linear layer
/// (cnn.md, "Weight init"). Draws come from the caller's ``SeededGenerator``, one Gaussian per
/// weight in storage order, so the same seed gives the same bytes.
public enum KaimingInitializer {
  /// `count` weights for a layer of fan-in `fanIn`.
  public static func normal(count: Int, fanIn: Int, using generator: inout SeededGenerator)
    -> [Float]
  {
    precondition(fanIn > 0, "fanIn must be positive")
    let std = (2.0 / Double(fanIn)).squareRoot()
    var values = [Float]()
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(Float(generator.nextGaussian() * std)) }
    return values
  }
}
