/// Packing for a 3x3, stride-1, zero-padding-1 convolution over a channel-major batch.
///
/// `im2col` lays the receptive fields of images `first..<first + count` out as a matrix
/// `col[9*Cin][count*H*W]`: row `r = ci*9 + ky*3 + kx`, column `j = (n - first)*H*W + y*W + x`
/// holds `X[ci][n][y + ky - 1][x + kx - 1]` (zero outside the image). Then
/// `Y[Cout][.., j] = W[Cout][9*Cin] * col` is the convolution (cross-correlation, as in PyTorch).
/// `col2im` is its adjoint: it adds each column entry back to the pixel it came from, which turns
/// `dcol = W^T * dY` into `dX`.
///
/// Why it is fast: in the channel-major layout the `count` images of channel `ci` are one
/// contiguous run, and row `r` of `col` is that run shifted by `s = (ky-1)*W + (kx-1)`:
/// `col[r][j] = X_ci[j + s]`, except at the entries whose source pixel lies in the padding
/// (first/last image row for ky = 0/2, first/last column for kx = 0/2), which must be 0. So each
/// row is one long `memmove` plus zeroing of `count*(H + W)` boundary entries; the adjoint zeroes
/// the same entries of `dcol` and does one long shifted add.
public enum Im2col {
  /// Fills `column` (9*channels rows of `count*height*width`) from images `first..<first+count`.
  ///
  /// - Parameters:
  ///   - input: A `[channels][batch][height][width]` tensor.
  ///   - column: Room for `9 * channels * count * height * width` floats.
  /// - Complexity: O(9 * channels * count * height * width).
  public static func pack(
    _ input: UnsafePointer<Float>, into column: UnsafeMutablePointer<Float>,
    channels: Int, batch: Int, height: Int, width: Int, first: Int, count: Int
  ) {
    let plane = height * width
    let length = count * plane
    for ci in 0..<channels {
      let source = input + (ci * batch + first) * plane
      for ky in 0..<3 {
        for kx in 0..<3 {
          let row = column + (ci * 9 + ky * 3 + kx) * length
          let shift = (ky - 1) * width + (kx - 1)
          let low = max(0, -shift)
          let high = min(length, length - shift)
          if low > 0 { row.update(repeating: 0, count: low) }
          if high > low { (row + low).update(from: source + low + shift, count: high - low) }
          if high < length { (row + high).update(repeating: 0, count: length - high) }
          zeroPadding(row, ky: ky, kx: kx, count: count, height: height, width: width)
        }
      }
    }
  }

  /// Adds `column` back into the input gradient of images `first..<first+count` (the adjoint of
  /// ``pack(_:into:channels:batch:height:width:first:count:)``). The target planes must be
  /// zeroed by the caller. `column` is scratch: its padding entries are zeroed in place.
  public static func unpackAdding(
    _ column: UnsafeMutablePointer<Float>, into input: UnsafeMutablePointer<Float>,
    channels: Int, batch: Int, height: Int, width: Int, first: Int, count: Int
  ) {
    let plane = height * width
    let length = count * plane
    for ci in 0..<channels {
      let target = input + (ci * batch + first) * plane
      for ky in 0..<3 {
        for kx in 0..<3 {
          let row = column + (ci * 9 + ky * 3 + kx) * length
          let shift = (ky - 1) * width + (kx - 1)
          zeroPadding(row, ky: ky, kx: kx, count: count, height: height, width: width)
          let low = max(0, -shift)
          let high = min(length, length - shift)
          if high > low { addShifted(row + low, into: target + low + shift, count: high - low) }
        }
      }
    }
  }

  /// `target[i] += source[i]` for `count` floats (the buffers do not overlap).
  @inlinable
  static func addShifted(
    _ source: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>, count: Int
  ) {
    var i = 0
    while i + 8 <= count {
      let sum =
        UnsafeRawPointer(target + i).loadUnaligned(as: SIMD8<Float>.self)
        + UnsafeRawPointer(source + i).loadUnaligned(as: SIMD8<Float>.self)
      UnsafeMutableRawPointer(target + i).storeBytes(of: sum, as: SIMD8<Float>.self)
      i += 8
    }
    while i < count {
      target[i] += source[i]
      i += 1
    }
  }

  /// Zeroes the entries of one `col` row whose source pixel is in the zero padding.
  @inlinable
  static func zeroPadding(
    _ row: UnsafeMutablePointer<Float>, ky: Int, kx: Int, count: Int, height: Int, width: Int
  ) {
    let plane = height * width
    if ky != 1 {
      let y = ky == 0 ? 0 : height - 1
      for n in 0..<count { (row + n * plane + y * width).update(repeating: 0, count: width) }
    }
    if kx != 1 {
      let x = kx == 0 ? 0 : width - 1
      var index = x
      let end = count * plane
      while index < end {
        row[index] = 0
        index += width
      }
    }
  }
}
