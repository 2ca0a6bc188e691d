"""NumPy peer of `PruneBench --simulation N E`: a whole InfoBatch+BLS simulation on the synthetic
learner, vectorised the way a researcher would write it (one array operation per step of an
epoch, no Python loop over samples or batches).

The same model as Sources/PruneSignals/SyntheticLearner.swift with its default configuration, and
the same rule as InfoBatch (exact count, prune ratio 0.5, delta 0.875) on BLS scores (alpha 0.9,
zero init, batch-mean-weight rescaling), batches of 128; the same bookkeeping as
Sources/PruneEngine/Simulation.swift (per-epoch mean and weighted loss, per-sample outcomes):

    mu_i(e) = floor + (l0 - floor) exp(-(rate_i n_i + gamma G(e)))     rate_i = eta / d_i
    l_i(e)  = max(0, mu_i(e) (1 + sigma eps)),  eps ~ Normal(0, 1)
    d_i ~ LogNormal(0, 1); eta 0.5, gamma 0.01, sigma 0.1, l0 = ln 10, floor 0.01

Draws come from NumPy's generator, not PruneLab's (same distributions, different numbers), so the
peer is a speed reference, not a byte-for-byte twin. Prints
`numpy simulation n=N epochs=E wall_seconds=W cpu_seconds=C trained=T saved=S peak_rss_mb=M`
(the learner's set-up is not timed, as on the Swift side). Run by bench/compare-simulation.
"""
import argparse
import math
import os
import resource
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np  # noqa: E402

B = 128


def simulate(n, epochs, seed=2):
    rng = np.random.default_rng(seed)
    eta, gamma, sigma, l0, floor = 0.5, 0.01, 0.1, math.log(10.0), 0.01
    rate = eta / np.exp(rng.standard_normal(n))
    exposure = np.zeros(n)
    scores = np.zeros(n)  # BLS, zero init
    alpha, keep_ratio, delta = 0.9, 0.5, 0.875
    times_trained = np.zeros(n, dtype=np.int64)
    weighted_times = np.zeros(n)
    last_epoch = np.full(n, -1, dtype=np.int64)
    last_loss = np.full(n, np.nan)
    global_exposure = 0.0
    trained = 0
    records = []

    wall = time.perf_counter()
    cpu = time.process_time()
    for epoch in range(epochs):
        # InfoBatch's plan on the BLS scores.
        if epoch >= 1 and epoch + 1 <= epochs * delta:
            mask = scores < scores.mean()
            candidates = np.flatnonzero(mask)
            kept = rng.choice(candidates, int(keep_ratio * candidates.size), replace=False)
            weights = np.ones(n)
            weights[kept] = 1 / keep_ratio
            order = np.concatenate([np.flatnonzero(~mask), kept])
            rng.shuffle(order)
            w = weights[order]
        else:
            order = rng.permutation(n)
            w = np.ones(n)
        m = order.size
        starts = np.arange(0, m, B)
        sizes = np.diff(np.append(starts, m))

        # The learner's forward losses (fixed at the epoch's start: a sample is seen once).
        progress = rate[order] * exposure[order] + gamma * global_exposure
        mean = floor + (l0 - floor) * np.exp(-progress)
        losses = np.maximum(0, mean * (1 + sigma * rng.standard_normal(m)))
        batch_means = np.add.reduceat(losses, starts) / sizes

        # BLS: every member of a batch moves towards the batch mean loss.
        scores[order] = alpha * scores[order] + np.repeat((1 - alpha) * batch_means, sizes)

        # The BLS code's rescaling: every sample of a batch carries the batch's mean weight.
        effective = np.repeat(np.add.reduceat(w, starts) / sizes, sizes)

        # The engine's bookkeeping, then the update (exposure += weight).
        weighted = np.add.reduceat(losses * effective, starts) / sizes
        records.append((losses.mean(), weighted.mean()))
        times_trained[order] += 1
        weighted_times[order] += effective
        last_epoch[order] = epoch
        last_loss[order] = losses
        exposure[order] += effective
        global_exposure += effective.sum() / n
        trained += m
    wall = time.perf_counter() - wall
    cpu = time.process_time() - cpu
    return wall, cpu, trained, records


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=1_280_000)
    parser.add_argument("--epochs", type=int, default=200)
    args = parser.parse_args()
    wall, cpu, trained, _ = simulate(args.samples, args.epochs)
    saved = 1 - trained / (args.samples * args.epochs)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"numpy simulation n={args.samples} epochs={args.epochs} wall_seconds={wall} "
        f"cpu_seconds={cpu} trained={trained} saved={saved:.4f} peak_rss_mb={peak:.1f}",
        flush=True)


if __name__ == "__main__":
    main()
