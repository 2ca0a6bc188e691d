/// A dense float32 tensor: one contiguous buffer plus a shape, row-major (the last axis fastest).
///
/// Images enter and leave the network as NCHW tensors (batch, channels, height, width), the
/// layout of the IDX files and of PyTorch. Inside, the network keeps activations channel-major
/// (see ``ChannelMajorLayout``) so that one GEMM covers the whole batch.
public struct Tensor: Sendable, Equatable {
  /// The extent of each axis, outermost first.
  public let shape: [Int]
  /// The elements, `shape.reduce(1, *)` of them.
  public var storage: [Float]

  /// A tensor of zeros.
  public init(zeros shape: [Int]) {
    precondition(shape.allSatisfy { $0 >= 0 }, "extents must be non-negative")
    self.shape = shape
    self.storage = [Float](repeating: 0, count: shape.reduce(1, *))
  }

  /// A tensor over existing elements.
  /// - Throws: ``MiniCNNError/sizeMismatch(what:expected:actual:)`` when the counts differ.
  public init(shape: [Int], storage: [Float]) throws {
    let expected = shape.reduce(1, *)
    guard storage.count == expected else {
      throw MiniCNNError.sizeMismatch(
        what: "tensor storage", expected: expected, actual: storage.count)
    }
    self.shape = shape
    self.storage = storage
  }

  /// The number of elements.
  public var count: Int { storage.count }

  /// The flat offset of a multi-index (row-major).
  @inlinable
  public func offset(_ index: [Int]) -> Int {
    precondition(index.count == shape.count, "one index per axis")
    var flat = 0
    for axis in 0..<shape.count { flat = flat * shape[axis] + index[axis] }
    return flat
  }

  /// Element access by multi-index (tests and small tools; hot loops use the storage directly).
  public subscript(_ index: Int...) -> Float {
    get { storage[offset(index)] }
    set { storage[offset(index)] = newValue }
  }
}
