#!/usr/bin/python3
"""The HOML convolutional autoencoder (homl-conv: three 3x3 'same' Conv2D + MaxPool2D, gelu, then
three 3x3 stride-2 ConvTranspose2D, sigmoid output) in PyTorch on CPU, timed per epoch; the run and
its arguments are ae_epochs.py's:
    /usr/bin/python3 bench/peers/conv_ae_epoch.py [epochs] [threads] [--limit ROWS] [--data DIR]
PyTorch's default NCHW layout; Keras's padding='same' on a stride-2 transposed convolution is
padding=1, output_padding=1 here (same size, same work).
"""
import ae_epochs


def build(torch):
    nn = torch.nn
    return nn.Sequential(
        nn.Unflatten(1, (1, 28)),
        nn.Conv2d(1, 16, 3, padding=1), nn.GELU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.GELU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.GELU(), nn.MaxPool2d(2),
        nn.ConvTranspose2d(64, 32, 3, stride=2), nn.GELU(),
        nn.ConvTranspose2d(32, 16, 3, stride=2, padding=1, output_padding=1), nn.GELU(),
        nn.ConvTranspose2d(16, 1, 3, stride=2, padding=1, output_padding=1),
        nn.Flatten(1, 2))


if __name__ == "__main__":
    ae_epochs.main(build, __doc__.splitlines()[0])
