extension Duration {
  /// The duration in seconds, as a Double: whole seconds plus attoseconds × 1e-18. Every wall or
  /// CPU time the toolkit records (epochs, simulations, benchmarks) is converted here.
  public var seconds: Double {
    let (whole, attoseconds) = components
    return Double(whole) + Double(attoseconds) * 1e-18
  }
}
