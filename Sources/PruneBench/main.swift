// Benchmarks: see README.md, section "Benchmarks".
print("PruneBench: no benchmark yet")
