#!/usr/bin/python3
"""The AUL-5 Exercise 23 convolutional autoencoder (aul-ex23: Conv2D 32 3x3 relu same → MaxPool2D 2
→ Conv2D 32 3x3 relu same → UpSampling2D 2 → Conv2D 3 3x3 sigmoid same) in PyTorch on CPU, timed
per epoch on the 10,000 RGB images of CIFAR-10's data_batch_1 / 255 with Keras 2.2's Adadelta
(lr 1.0, rho 0.95, epsilon 1e-7); the run and its arguments are ae_epochs.py's:
    /usr/bin/python3 bench/peers/aul_ex23_epoch.py [epochs] [threads] [--limit ROWS] [--data DIR]
DIR is the cifar-10-batches-py folder, else $NABLA_CIFAR10, else /usr/share/datasets/cifar-10-batches-py.
PyTorch's default NCHW layout, which the batch file already stores (3 planes of 32 x 32 per image).
"""
import os
import pickle
import sys

import ae_epochs

BATCH = "data_batch_1"


class ArraysOnly(pickle.Unpickler):
    """Unpickles the batch's dict of a numpy array and lists, refusing every other global: a
    pickle can name any callable, and loading it calls that callable."""
    ALLOWED = {("numpy", "dtype"), ("numpy", "ndarray"), ("numpy.core.multiarray", "_reconstruct")}

    def find_class(self, module, name):
        if (module, name) not in self.ALLOWED:
            raise pickle.UnpicklingError(f"{BATCH}: refusing the global {module}.{name}")
        return super().find_class(module, name)


def batch_file(folder):
    folder = folder or os.environ.get("NABLA_CIFAR10") or "/usr/share/datasets/cifar-10-batches-py"
    path = os.path.join(folder, BATCH)
    if not os.path.isfile(path):
        sys.exit(f"CIFAR-10 not found: no {path}; set NABLA_CIFAR10 to the cifar-10-batches-py folder")
    return path


def cifar_images(np, folder, limit):
    with open(batch_file(folder), "rb") as f:
        batch = ArraysOnly(f, encoding="bytes").load()
    data = np.asarray(batch[b"data"], dtype=np.uint8)[:limit]
    return data.reshape(-1, 3, 32, 32).astype(np.float32) / 255.0


def keras22_adadelta(torch, parameters):
    return torch.optim.Adadelta(parameters, lr=1.0, rho=0.95, eps=1e-7)


def build(torch):
    nn = torch.nn
    return nn.Sequential(
        nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 32, 3, padding=1), nn.ReLU(), nn.Upsample(scale_factor=2, mode="nearest"),
        nn.Conv2d(32, 3, 3, padding=1))


if __name__ == "__main__":
    ae_epochs.main(build, __doc__.splitlines()[0], cifar_images, keras22_adadelta)
