"""What the PyTorch training peers share, the counterpart of nabla's AutoencoderEpochs: an
autoencoder trained with binary cross-entropy on the sigmoid output and batch 32, reshuffled every
epoch, timed per epoch. By default HOML's run: Adam on the last 55,000 Fashion-MNIST training
images scaled to [0, 1]; a peer may bring its own images and optimizer (aul_ex23_epoch.py).

Usage: /usr/bin/python3 PEER.py [epochs, default 1] [threads, default 2] [--limit ROWS] [--data DIR]
HOML's images are train-images-idx3-ubyte.gz in DIR (which must hold Fashion-MNIST's four files,
as nabla reads them all), else in $NABLA_FASHION_MNIST, else in
/usr/share/datasets/fashion-mnist (Debian's dataset-fashion-mnist). Prints "PEER {json}" (the
libraries, blas.describe()), then one "EPOCH_SECONDS epoch seconds loss value" line per epoch.
"""
import argparse
import gzip
import json
import os
import sys
import time

import blas

IMAGES = "train-images-idx3-ubyte.gz"
# nabla's Datasets.fashionMnist reads the folder's four files, so a benchmark checks all of them.
FILES = (IMAGES, "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")
VALIDATION = 5000  # HOML keeps the first 5,000 training images for validation


def images_file(folder):
    """The training images' file in folder (else the usual places), after checking the folder holds all FILES."""
    folder = folder or os.environ.get("NABLA_FASHION_MNIST") or "/usr/share/datasets/fashion-mnist"
    missing = [name for name in FILES if not os.path.isfile(os.path.join(folder, name))]
    if missing:
        sys.exit(f"Fashion-MNIST not found: {folder} lacks {', '.join(missing)}; set NABLA_FASHION_MNIST to the "
                 f"folder holding {', '.join(FILES)}, or install Debian's dataset-fashion-mnist")
    return os.path.join(folder, IMAGES)


def homl_images(np, folder, limit):
    """The Fashion-MNIST training images after the first 5,000 (HOML's validation set), (N, 28, 28) / 255."""
    with gzip.open(images_file(folder), "rb") as f:
        raw = np.frombuffer(f.read(), dtype=np.uint8, offset=16)
    end = None if limit is None else VALIDATION + limit
    return raw.reshape(-1, 28, 28)[VALIDATION:end].astype(np.float32) / 255.0


def keras_adam(torch, parameters):
    return torch.optim.Adam(parameters, lr=1e-3, eps=1e-7)  # Keras's Adam defaults


def main(build, description, images=homl_images, optimizer=keras_adam):
    """Times epochs of the autoencoder build(torch) returns: a module from a batch of images(np,
    folder, limit) to logits of the same shape (the sigmoid is in the loss, computed from the
    logits as Keras does), trained by optimizer(torch, parameters)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("epochs", nargs="?", type=int, default=1)
    parser.add_argument("threads", nargs="?", type=int, default=2)
    parser.add_argument("--limit", type=int, help="train on the first ROWS images only")
    parser.add_argument("--data", help="folder holding the images")
    args = parser.parse_args()
    np, torch = blas.load(args.threads)
    print("PEER " + json.dumps(blas.announce()), flush=True)
    x_train = torch.from_numpy(images(np, args.data, args.limit)).contiguous()

    torch.manual_seed(42)
    model = build(torch)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    opt = optimizer(torch, model.parameters())
    n, batch = x_train.shape[0], 32
    for epoch in range(1, args.epochs + 1):
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
