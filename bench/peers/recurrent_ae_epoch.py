#!/usr/bin/python3
"""The HOML recurrent autoencoder in PyTorch on CPU, timed per epoch as nabla's
RecurrentAutoencoderEpoch; the run and its arguments are ae_epochs.py's:
    /usr/bin/python3 bench/peers/recurrent_ae_epoch.py [epochs] [threads] [--limit ROWS] [--data DIR]
Each image is a sequence of 28 rows of 28 pixels. The Keras model of the exercise homl-recurrent:
    Sequential([LSTM(100, return_sequences=True), LSTM(30)])                     # encoder
    Sequential([RepeatVector(28), LSTM(100, return_sequences=True),
                TimeDistributed(Dense(28, activation="sigmoid"))])               # decoder
"""
import ae_epochs


def build(torch):
    nn = torch.nn

    class RecurrentAutoencoder(nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder1 = nn.LSTM(28, 100, batch_first=True)
            self.encoder2 = nn.LSTM(100, 30, batch_first=True)
            self.decoder1 = nn.LSTM(30, 100, batch_first=True)
            self.output = nn.Linear(100, 28)  # applied to every step, as TimeDistributed(Dense)

        def forward(self, x):
            steps = x.shape[1]
            h, _ = self.encoder1(x)
            _, (code, _) = self.encoder2(h)                  # LSTM(30): the last step's output
            repeated = code[-1].unsqueeze(1).expand(-1, steps, -1)  # RepeatVector(28)
            h, _ = self.decoder1(repeated)
            return self.output(h)                             # logits; the sigmoid is in the loss

    return RecurrentAutoencoder()


if __name__ == "__main__":
    ae_epochs.main(build, __doc__.splitlines()[0])
