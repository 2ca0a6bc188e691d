/// Packing for a 3x3, stride-1, zero-padding-1 convolution over a channel-major batch.
///
/// `im2col` lays the receptive fields of images `first..<first + count` out as a matrix
/// `col[9*Cin][count*H*W]`: row `r = ci*9 + ky*3 + kx`, column `j = (n - first)*H*W + y*W + x`
/// holds `X[ci][n][y + ky - 1][x + kx - 1]` (zero outside the image). Then
/// `Y[Cout][.., j] = W[Cout][9*Cin] * col` is the convolution (cross-correlation, as in PyTorch).
/// `col2im` is its adjoint: it adds each column entry back to the pixel it came from, which turns
/// `dcol = W^T * dY` into `dX`.
///
/// Every row of the matrix is built from whole image rows shifted by -1, 0 or +1 pixels, so the
/// inner loops are straight copies the compiler vectorises.
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
    let rowLength = count * plane
    for ci in 0..<channels {
      for ky in 0..<3 {
        for kx in 0..<3 {
          let row = column + ((ci * 9) + ky * 3 + kx) * rowLength
          let shift = kx - 1
          for n in 0..<count {
            let source = input + (ci * batch + first + n) * plane
            let destination = row + n * plane
            for y in 0..<height {
              let sy = y + ky - 1
              let out = destination + y * width
              if sy < 0 || sy >= height {
                out.update(repeating: 0, count: width)
                continue
              }
              let line = source + sy * width
              switch shift {
              case -1:
                out[0] = 0
                for x in 1..<width { out[x] = line[x - 1] }
              case 0:
                for x in 0..<width { out[x] = line[x] }
              default:
                for x in 0..<(width - 1) { out[x] = line[x + 1] }
                out[width - 1] = 0
              }
            }
          }
        }
      }
    }
  }

  /// Adds `column` back into the input gradient of images `first..<first+count` (the adjoint of
  /// ``pack(_:into:channels:batch:height:width:first:count:)``). The target planes must be
  /// zeroed by the caller; entries that came from the padding are dropped.
  public static func unpackAdding(
    _ column: UnsafePointer<Float>, into input: UnsafeMutablePointer<Float>,
    channels: Int, batch: Int, height: Int, width: Int, first: Int, count: Int
  ) {
    let plane = height * width
    let rowLength = count * plane
    for ci in 0..<channels {
      for ky in 0..<3 {
        for kx in 0..<3 {
          let row = column + ((ci * 9) + ky * 3 + kx) * rowLength
          let shift = kx - 1
          for n in 0..<count {
            let target = input + (ci * batch + first + n) * plane
            let source = row + n * plane
            for y in 0..<height {
              let sy = y + ky - 1
              if sy < 0 || sy >= height { continue }
              let line = target + sy * width
              let entries = source + y * width
              switch shift {
              case -1:
                for x in 1..<width { line[x - 1] += entries[x] }
              case 0:
                for x in 0..<width { line[x] += entries[x] }
              default:
                for x in 0..<(width - 1) { line[x + 1] += entries[x] }
              }
            }
          }
        }
      }
    }
  }
}
