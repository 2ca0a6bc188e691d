// Benchmarks: see README.md, section "Benchmarks".
#if canImport(Glibc)
import Glibc
#endif

if CommandLine.arguments.dropFirst().first == "cnn" {
  exit(runCNNThroughputBenchmark(Array(CommandLine.arguments.dropFirst(2))))
}
print("PruneBench: no benchmark yet")
