#!/usr/bin/python3
"""The HOML stacked autoencoder (784-100-30-100-784, gelu, sigmoid output) in PyTorch on CPU,
timed per epoch as nabla's StackedAutoencoderEpoch; the run and its arguments are ae_epochs.py's:
    /usr/bin/python3 bench/peers/stacked_ae_epoch.py [epochs] [threads] [--limit ROWS] [--data DIR]
"""
import ae_epochs


def build(torch):
    nn = torch.nn
    return nn.Sequential(
        nn.Flatten(), nn.Linear(784, 100), nn.GELU(), nn.Linear(100, 30), nn.GELU(),
        nn.Linear(30, 100), nn.GELU(), nn.Linear(100, 784), nn.Unflatten(1, (28, 28)))


if __name__ == "__main__":
    ae_epochs.main(build, __doc__.splitlines()[0])
