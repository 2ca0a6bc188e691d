import PruneCore

/// Training-time augmentation: random crop with zero padding and random horizontal flip
/// (cnn.md "Data"; off by default and for the synthetic set).
///
/// Crop: pad the image by `cropPadding` pixels of `fillValue` on every side, then cut an H x W
/// window at a uniform offset `(dy, dx)` in `0...2p`:
/// ```
/// cropped(y, x) = image(y + dy - p, x + dx - p), or fillValue outside the image
/// ```
/// Flip: with probability 1/2, `out(y, x) = cropped(y, W - 1 - x)`.
/// Draws per image, in order: `dy`, `dx` (when cropping), then one draw for the flip.
public struct ImageAugmentation: Sendable, Hashable, Codable {
  /// p, the padding of the random crop in pixels; 0 turns cropping off.
  public let cropPadding: Int
  /// Whether to flip half the images left to right.
  public let horizontalFlip: Bool
  /// The value of padded pixels, per channel (the normalised value of black, see
  /// ``ImageNormalization/normalizedZero``).
  public let fillValue: [Float]

  /// No augmentation.
  public static let none = ImageAugmentation(unchecked: 0, false, [])

  /// - Throws: ``MiniCNNError/outOfRange(parameter:value:allowed:)`` when `cropPadding` is not in
  ///   `0...16`.
  public init(cropPadding: Int = 0, horizontalFlip: Bool = false, fillValue: [Float] = []) throws {
    guard (0...16).contains(cropPadding) else {
      throw MiniCNNError.outOfRange(
        parameter: "cropPadding", value: Double(cropPadding), allowed: "0...16 pixels")
    }
    self.init(unchecked: cropPadding, horizontalFlip, fillValue)
  }

  private init(unchecked cropPadding: Int, _ horizontalFlip: Bool, _ fillValue: [Float]) {
    self.cropPadding = cropPadding
    self.horizontalFlip = horizontalFlip
    self.fillValue = fillValue
  }

  /// True when ``apply(to:count:channels:height:width:scratch:using:)`` changes nothing.
  public var isIdentity: Bool { cropPadding == 0 && !horizontalFlip }

  /// Augments `count` images in place.
  ///
  /// - Parameters:
  ///   - images: `count` images of `channels x height x width`, image after image.
  ///   - scratch: A reusable buffer (grown to one image when smaller).
  ///   - generator: The draws, made in image order.
  public func apply(
    to images: UnsafeMutableBufferPointer<Float>, count: Int, channels: Int, height: Int,
    width: Int, scratch: inout [Float], using generator: inout SeededGenerator
  ) {
    guard !isIdentity else { return }
    let size = channels * height * width
    precondition(images.count >= count * size, "image buffer too small")
    if scratch.count < size { scratch = [Float](repeating: 0, count: size) }
    let p = cropPadding
    scratch.withUnsafeMutableBufferPointer { copy in
      for n in 0..<count {
        let dy = p > 0 ? generator.nextIndex(below: 2 * p + 1) - p : 0
        let dx = p > 0 ? generator.nextIndex(below: 2 * p + 1) - p : 0
        let flip = horizontalFlip && generator.next() >> 63 == 1
        guard dy != 0 || dx != 0 || flip else { continue }
        let image = images.baseAddress.unsafelyUnwrapped + n * size
        copy.baseAddress.unsafelyUnwrapped.update(from: image, count: size)
        for c in 0..<channels {
          let fill = c < fillValue.count ? fillValue[c] : 0
          let plane = c * height * width
          for y in 0..<height {
            let sourceY = y + dy
            for x in 0..<width {
              let sourceX = (flip ? width - 1 - x : x) + dx
              let inside = sourceY >= 0 && sourceY < height && sourceX >= 0 && sourceX < width
              image[plane + y * width + x] =
                inside ? copy[plane + sourceY * width + sourceX] : fill
            }
          }
        }
      }
    }
  }
}
