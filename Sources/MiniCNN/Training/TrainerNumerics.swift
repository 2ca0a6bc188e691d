/// The version of the trainer's arithmetic: summation orders of the kernels, the order of random
/// draws, the way a batch is split over threads.
///
/// The run store keys every stored training run with it (issue 10): a change that alters the
/// bytes of a trained run must raise ``version``, so stored runs made before it are retrained
/// instead of being mistaken for the new code's. A change that keeps every run's bytes (a faster
/// kernel with the same sums) keeps it.
public enum TrainerNumerics {
  /// 1: the trainer of December 2026 (im2col + sgemm, per-worker partial sums in worker order).
  public static let version = 1
}
