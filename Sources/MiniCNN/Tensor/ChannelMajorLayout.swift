/// The network's internal activation layout: `[C][B][H][W]`, channel-major ("CNHW").
///
/// Why: with every image of the batch side by side in one row per channel,
/// - a 3x3 convolution of the whole batch is one GEMM `Y[Cout, B*H*W] = W[Cout, 9*Cin] * col`,
///   whose output lands directly in this layout (no transpose);
/// - BatchNorm's statistics of channel c are one contiguous run of `B*H*W` floats, which the
///   compiler vectorises;
/// - pooling works on `C*B` independent `H x W` planes.
/// For one input channel (Fashion-MNIST) NCHW and CNHW coincide, so input needs no transpose.
public enum ChannelMajorLayout {
  /// Copies an NCHW batch into CNHW order.
  ///
  /// - Complexity: O(B*C*H*W), one read and one write per element.
  public static func fromNCHW(
    _ source: UnsafePointer<Float>, into destination: UnsafeMutablePointer<Float>,
    batch: Int, channels: Int, plane: Int
  ) {
    if channels == 1 {
      destination.update(from: source, count: batch * plane)
      return
    }
    for n in 0..<batch {
      for c in 0..<channels {
        (destination + (c * batch + n) * plane).update(
          from: source + (n * channels + c) * plane, count: plane)
      }
    }
  }

  /// Copies a CNHW batch into NCHW order
  /// (the inverse of ``fromNCHW(_:into:batch:channels:plane:)``).
  public static func toNCHW(
    _ source: UnsafePointer<Float>, into destination: UnsafeMutablePointer<Float>,
    batch: Int, channels: Int, plane: Int
  ) {
    for n in 0..<batch {
      for c in 0..<channels {
        (destination + (n * channels + c) * plane).update(
          from: source + (c * batch + n) * plane, count: plane)
      }
    }
  }
}
