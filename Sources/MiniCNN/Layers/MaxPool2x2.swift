/// 2x2 max pooling, stride 2, over independent `height x width` planes (odd edges dropped, as
/// PyTorch's default floor mode).
///
/// `y[p][i][j] = max over the window x[p][2i..2i+1][2j..2j+1]`; backward routes `dy` to the
/// window's first maximal element (row-major order), recorded in the forward as a byte 0...3.
public final class MaxPool2x2 {
  private let winners = ScratchBuffer<UInt8>()

  public init() {}

  /// Pools `planes` planes of `height x width` into `planes` planes of `height/2 x width/2`.
  public func forward(
    input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
    planes: Int, height: Int, width: Int, workers: Int = 1
  ) {
    let outHeight = height / 2
    let outWidth = width / 2
    let outPlane = outHeight * outWidth
    let choice = winners.reserve(planes * outPlane)
    Parallel.forEachPart(workers) { part in
      for p in Parallel.range(ofPart: part, parts: workers, count: planes) {
        let x = input + p * height * width
        let y = output + p * outPlane
        let w = choice + p * outPlane
        for i in 0..<outHeight {
          let top = x + 2 * i * width
          let bottom = top + width
          for j in 0..<outWidth {
            var best = top[2 * j]
            var index: UInt8 = 0
            if top[2 * j + 1] > best {
              best = top[2 * j + 1]
              index = 1
            }
            if bottom[2 * j] > best {
              best = bottom[2 * j]
              index = 2
            }
            if bottom[2 * j + 1] > best {
              best = bottom[2 * j + 1]
              index = 3
            }
            y[i * outWidth + j] = best
            w[i * outWidth + j] = index
          }
        }
      }
    }
  }

  /// Writes `dX` (zero except at each window's maximum) from `dY`.
  public func backward(
    outputGradient: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>,
    planes: Int, height: Int, width: Int, workers: Int = 1
  ) {
    let outHeight = height / 2
    let outWidth = width / 2
    let outPlane = outHeight * outWidth
    let choice = winners.pointer
    Parallel.forEachPart(workers) { part in
      let range = Parallel.range(ofPart: part, parts: workers, count: planes)
      (inputGradient + range.lowerBound * height * width).update(
        repeating: 0, count: range.count * height * width)
      for p in range {
        let dx = inputGradient + p * height * width
        let dy = outputGradient + p * outPlane
        let w = choice + p * outPlane
        for i in 0..<outHeight {
          for j in 0..<outWidth {
            let index = Int(w[i * outWidth + j])
            dx[(2 * i + (index >> 1)) * width + 2 * j + (index & 1)] = dy[i * outWidth + j]
          }
        }
      }
    }
  }
}
