"""The HOML stacked autoencoder (784-100-30-100-784, gelu, sigmoid output, BCE, Adam, batch 32)
in PyTorch on CPU, timed per epoch over the same 55,000 Fashion-MNIST rows as nabla's
StackedAutoencoderEpoch. Run with OPENBLAS_CORETYPE=SkylakeX OPENBLAS_NUM_THREADS=2.
Usage: /usr/bin/python3 stacked_ae_epoch.py [epochs] [train-images-idx3-ubyte.gz]"""
import gzip
import sys
import time

import numpy as np
import torch
from torch import nn

torch.set_num_threads(2)
torch.manual_seed(42)

epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 1
path = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"
with gzip.open(path, "rb") as f:
    raw = np.frombuffer(f.read(), dtype=np.uint8, offset=16)
x_all = torch.from_numpy(raw.reshape(-1, 28, 28).astype(np.float32) / 255.0)
x_train = x_all[5000:].contiguous()

model = nn.Sequential(
    nn.Flatten(), nn.Linear(784, 100), nn.GELU(), nn.Linear(100, 30), nn.GELU(),
    nn.Linear(30, 100), nn.GELU(), nn.Linear(100, 784), nn.Unflatten(1, (28, 28)))
loss_fn = nn.BCEWithLogitsLoss()  # sigmoid output + BCE, computed from the logits as Keras does
opt = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
n, batch = x_train.shape[0], 32
for epoch in range(1, epochs + 1):
    t0 = time.perf_counter()
    order = torch.randperm(n)
    total = 0.0
    for start in range(0, n, batch):
        xb = x_train[order[start:start + batch]]
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(xb), xb)
        loss.backward()
        opt.step()
        total += loss.item() * xb.shape[0]
    print(f"EPOCH_SECONDS {epoch} {time.perf_counter() - t0:.3f} loss {total / n:.4f}", flush=True)
