"""A safetensors reader and writer that follow the specification with json and numpy only.

python3 safetensors_peer.py IN OUT reads IN, prints each tensor's name and shape, and writes every
tensor doubled to OUT, in another order and with a __metadata__ entry.
"""
import json
import struct
import sys

import numpy as np

DTYPES = {"F32": "<f4", "F64": "<f8", "I64": "<i8", "U8": "u1"}


def read(path):
    with open(path, "rb") as f:
        raw = f.read()
    (length,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + length].decode("utf-8"))
    header.pop("__metadata__", None)
    data = raw[8 + length:]
    return {name: np.frombuffer(data[e["data_offsets"][0]:e["data_offsets"][1]], dtype=DTYPES[e["dtype"]]).reshape(e["shape"])
            for name, e in header.items()}


def write(path, tensors):
    header, blobs, offset = {"__metadata__": {"written_by": "safetensors_peer.py"}}, [], 0
    for name in sorted(tensors, reverse=True):
        blob = np.ascontiguousarray(tensors[name], dtype="<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(tensors[name].shape), "data_offsets": [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    text = json.dumps(header).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


tensors = read(sys.argv[1])
for name, t in tensors.items():
    print(json.dumps(name), list(t.shape))
write(sys.argv[2], {name: t * 2 for name, t in tensors.items()})
