"""NumPy peer of `PruneBench selection`: each rule's per-epoch selection work, written the way a
researcher would write it with NumPy (vectorised, no Python loop over samples; SeTa's k-means is
scikit-learn's KMeans, as in the official SeTa code). Same case names, sizes and score
distribution (uniform in [0, 3)) as Sources/PruneBench/Selection/SelectionBenchmark.swift.

Prints `numpy case=NAME n=N seconds=S`, the best CPU seconds (time.process_time) of the
repetitions, preparation not timed. Run by bench/compare-selection.
"""
import argparse
import os
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core, like the Swift side
import numpy as np  # noqa: E402

B = 128


def infobatch_plan(scores, rng, keep_ratio=0.5, bernoulli=False):
    """Candidates strictly below the mean, a kept subset weighted 1/keep, then one shuffle."""
    mask = scores < scores.mean()
    candidates = np.flatnonzero(mask)
    rest = np.flatnonzero(~mask)
    if bernoulli:
        kept = candidates[rng.random(candidates.size) < keep_ratio]
    else:
        kept = rng.choice(candidates, int(keep_ratio * candidates.size), replace=False)
    weights = np.ones(scores.size)
    weights[kept] = 1 / keep_ratio
    order = np.concatenate([rest, kept])
    rng.shuffle(order)
    return order, weights[order]


def seta_plan(scores, rng, keep_ratio=0.9, groups=5, window=4, iteration=1):
    """Random subsample, KMeans on its scores, groups sorted by mean, a window of them, shuffle."""
    from sklearn.cluster import KMeans

    n = scores.size
    subsample = rng.permutation(n)[: int(n * keep_ratio)]
    s = scores[subsample]
    labels = KMeans(n_clusters=groups, random_state=0, n_init="auto").fit(s[:, None]).labels_
    means = np.bincount(labels, weights=s, minlength=groups) / np.bincount(labels, minlength=groups)
    ranked = np.argsort(means)
    start = iteration % (groups - window + 1)
    chosen = np.isin(labels, ranked[start : start + window])
    selected = subsample[chosen]
    rng.shuffle(selected)
    return selected


def repb_epoch(scores, order, losses, counts, epoch, rng, rho=0.5):
    """One RePB epoch: loss scores of the trained samples, one window per batch (keep iff
    s >= window mean or U >= rho), unused samples back with probability 1 - rho, next plan
    shuffled with CTR weights E / N_i."""
    scores[order] = losses[order]
    s = scores[order]
    starts = np.arange(0, s.size, B)
    sizes = np.diff(np.append(starts, s.size))
    means = np.repeat(np.add.reduceat(s, starts) / sizes, sizes)
    keep = s >= means
    below = ~keep
    keep[below] = rng.random(below.sum()) >= rho
    counts[order] += 1
    used = np.zeros(scores.size, dtype=bool)
    used[order] = True
    unused = np.flatnonzero(~used)
    back = unused[rng.random(unused.size) < 1 - rho]
    members = np.sort(np.concatenate([order[keep], back]))
    following = rng.permutation(members)
    weights = (epoch + 1) / np.maximum(counts[following], 1)
    return following, weights


def bpas_epoch(previous, current, active, batches, t, rng, planned=200, ds=1e-6, de=5e-5):
    """B-PAS: drop active batches whose statistic moved at most delta(t); next plan = remaining
    batches in ascending id, each one's samples shuffled."""
    delta = ds * np.exp(t * np.log(de / ds) / planned)
    active = active[np.abs(previous[active] - current[active]) > delta]
    plan = rng.permuted(batches[active], axis=1).ravel()
    return active, plan


def bls_epoch(scores, order, batch_means, alpha=0.9):
    """BLS: every member of batch b moves towards its batch mean loss."""
    increments = np.repeat((1 - alpha) * batch_means, B)[: order.size]
    scores[order] = alpha * scores[order] + increments


def loss_epoch(scores, order, ordered_losses):
    scores[order] = ordered_losses


def best(repetitions, prepare, body):
    result = float("inf")
    for _ in range(repetitions):
        state = prepare()
        start = time.process_time()
        body(state)
        result = min(result, time.process_time() - start)
    return result


def measure(name, n, repetitions):
    rng = np.random.default_rng(3)
    scores = 3 * rng.random(n)
    if name in ("infobatch-exact", "infobatch-bernoulli"):
        bernoulli = name == "infobatch-bernoulli"
        return best(repetitions, lambda: np.random.default_rng(1),
                    lambda r: infobatch_plan(scores, r, bernoulli=bernoulli))
    if name == "seta":
        return best(repetitions, lambda: np.random.default_rng(1), lambda r: seta_plan(scores, r))
    if name == "repb":
        losses0 = 3 * rng.random(n)
        counts0 = np.zeros(n, dtype=np.int64)
        work = scores.copy()
        order0 = rng.permutation(n)
        order1, _ = repb_epoch(work, order0, losses0, counts0, 0, rng)

        def prepare():
            return (work.copy(), counts0.copy(), np.random.default_rng(1))

        return best(repetitions, prepare,
                    lambda st: repb_epoch(st[0], order1, scores, st[1], 1, st[2]))
    if name == "bpas":
        batches = rng.permutation(n).reshape(-1, B)
        ids = np.arange(batches.shape[0])
        previous = 1 + (ids % 97) * 1e-3
        current = previous + np.where(ids % 4 == 0, 0, 1e-3)
        return best(repetitions, lambda: np.random.default_rng(1),
                    lambda r: bpas_epoch(previous, current, ids, batches, 3, r))
    if name == "bls-update":
        order = rng.permutation(n)
        batch_means = scores[order[::B]]
        # np.full writes its pages (np.zeros would leave them to fault inside the timed update).
        return best(repetitions, lambda: np.full(n, 0.0), lambda s: bls_epoch(s, order, batch_means))
    if name == "loss-update":
        order = rng.permutation(n)
        ordered = scores[order]
        return best(repetitions, lambda: np.full(n, 3.0), lambda s: loss_epoch(s, order, ordered))
    if name == "sum":
        return best(repetitions, lambda: None, lambda _: scores.sum())
    raise SystemExit(f"unknown case {name}")


CASES = ["infobatch-exact", "infobatch-bernoulli", "seta", "repb", "bpas", "bls-update",
         "loss-update", "sum"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1280000,14000000")
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--only", default=",".join(CASES))
    args = parser.parse_args()
    for n in (int(x) for x in args.sizes.split(",")):
        for name in args.only.split(","):
            if name == "infobatch-draws":  # PruneLab's draw-order bound: no NumPy counterpart
                continue
            seconds = measure(name, n, args.repetitions)
            print(f"numpy case={name} n={n} seconds={seconds}", flush=True)


if __name__ == "__main__":
    main()
