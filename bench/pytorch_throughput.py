#!/usr/bin/env python3
"""PyTorch reference for PruneLab's MiniCNN throughput benchmark (shared/spec/cnn.md).

The same ref-cnn as Sources/MiniCNN: conv3x3(1->16, no bias) BN ReLU, conv3x3(16->32) BN ReLU
maxpool2, conv3x3(32->64) BN ReLU maxpool2, global average pool, Linear(64->10); cross-entropy
with reduction='none' then the weighted mean (as the pruning trainer does), SGD momentum 0.9,
weight decay 5e-4. One training step = forward + backward + optimiser step on a batch of 128
random 1 x 28 x 28 images, 2 threads, timed after a warm-up.

Prints a human line and a machine line `torch_images_per_second=... torch_gflops=...`; the FLOP
count is the same formula as ConvolutionalNetwork.trainingFLOPs (conv forward, weight gradient,
input gradient except the first layer; linear likewise).
"""
import argparse
import time

import torch
import torch.nn as nn


def ref_cnn(channels: int, classes: int, batch_norm: bool = True) -> nn.Module:
    def block(cin: int, cout: int, pool: bool) -> list:
        layers = [nn.Conv2d(cin, cout, 3, padding=1, bias=not batch_norm)]
        if batch_norm:
            layers.append(nn.BatchNorm2d(cout))
        layers.append(nn.ReLU(inplace=True))
        if pool:
            layers.append(nn.MaxPool2d(2))
        return layers

    return nn.Sequential(
        *block(channels, 16, False), *block(16, 32, True), *block(32, 64, True),
        nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, classes))


def training_flops(batch: int, height: int, width: int, channels: int, classes: int) -> float:
    convs = [(channels, 16, height, width, 2), (16, 32, height, width, 3),
             (32, 64, height // 2, width // 2, 3)]
    total = 0.0
    for cin, cout, h, w, passes in convs:
        total += passes * 2.0 * cout * cin * 9 * batch * h * w
    return total + 3 * 2.0 * batch * 64 * classes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--steps", type=int, default=40)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--no-bn", action="store_true")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    model = ref_cnn(1, 10, batch_norm=not args.no_bn)
    model.train()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=5e-4)
    criterion = nn.CrossEntropyLoss(reduction="none")
    images = torch.randn(args.batch, 1, 28, 28)
    labels = torch.randint(0, 10, (args.batch,))
    weights = torch.ones(args.batch)

    def step() -> None:
        optimizer.zero_grad(set_to_none=True)
        losses = criterion(model(images), labels)
        (losses * weights).mean().backward()
        optimizer.step()

    for _ in range(args.warmup):
        step()
    start = time.perf_counter()
    for _ in range(args.steps):
        step()
    seconds = time.perf_counter() - start
    images_per_second = args.steps * args.batch / seconds
    gflops = training_flops(args.batch, 28, 28, 1, 10) * args.steps / seconds / 1e9
    print(f"PyTorch {torch.__version__} ref-cnn train step: batch {args.batch}, "
          f"{torch.get_num_threads()} threads, {args.steps} steps in {seconds:.3f} s: "
          f"{images_per_second:.1f} images/s, {gflops:.1f} GFLOP/s")
    print(f"torch_images_per_second={images_per_second} torch_gflops={gflops}")


if __name__ == "__main__":
    main()
