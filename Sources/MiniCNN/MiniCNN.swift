import CBLAS

/// The `MiniCNN` namespace: process-wide settings of the trainer's numeric back end.
public enum MiniCNN {
  /// The number of threads OpenBLAS uses for every `sgemm` of the process.
  ///
  /// OpenBLAS reads `OPENBLAS_NUM_THREADS` at load time and otherwise uses one thread per core
  /// (toolchain-notes.md §4). Results of a training run depend on the thread count (the GEMM
  /// splits its sums differently), so a run records it and a resumed run sets it again.
  public static var blasThreadCount: Int {
    Int(openblas_get_num_threads())
  }

  /// Sets the number of OpenBLAS threads (at least 1).
  public static func setBLASThreadCount(_ count: Int) {
    openblas_set_num_threads(Int32(max(1, count)))
  }
}
