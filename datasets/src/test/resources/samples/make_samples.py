#!/usr/bin/env python3
"""Cuts the shipped samples out of the complete data sets, keeping each file's own format.

    make_samples.py FASHION_DIR MNIST10K_DIR CIFAR_PY_DIR OUT_DIR

FASHION_DIR holds the four Fashion-MNIST .gz files (e.g. unpacked from Debian's
dataset-fashion-mnist), MNIST10K_DIR the books' mnist.pkl and its IDX copy, CIFAR_PY_DIR a
cifar-10-batches-py folder. The pickles are not re-pickled (a newer numpy would write other
globals): the original opcode stream is copied with the record count, the array bytes and the
lists shortened, so the samples are the first records of the real files, byte for byte alike.
"""
import gzip
import os
import pickletools
import shutil
import struct
import sys

FASHION_TRAIN, FASHION_TEST, MNIST, CIFAR = 660, 100, 400, 350


def idx_head(src, dst, n):
    """The first n items of a gzip IDX file; the header's first size becomes n."""
    data = gzip.open(src).read()
    dims = data[3]
    sizes = list(struct.unpack('>%dI' % dims, data[4:4 + 4 * dims]))
    item = 1
    for s in sizes[1:]:
        item *= s
    sizes[0] = n
    body = data[:4] + struct.pack('>%dI' % dims, *sizes) + data[4 + 4 * dims:4 + 4 * dims + n * item]
    with gzip.GzipFile(dst, 'wb', mtime=0) as out:
        out.write(body)


def cut_pickle(src, dst, records, total):
    """Copies the pickle at src, keeping the first `records` of `total`: the count in shapes,
    the leading bytes of each array, the first items of each list (one MARK ... APPENDS batch,
    as the pickler writes up to 1,000 items per batch)."""
    data = open(src, 'rb').read()
    ops = list(pickletools.genops(data))
    raw = [data[pos:(ops[i + 1][2] if i + 1 < len(ops) else len(data))] for i, (_, _, pos) in enumerate(ops)]
    out = bytearray()
    i = 0
    while i < len(ops):
        op, arg, _ = ops[i]
        if op.name == 'BININT2' and arg == total:
            out += b'M' + struct.pack('<H', records)
        elif op.name in ('BINBYTES', 'BINSTRING') and len(arg) >= total and len(arg) % total == 0:
            body = raw[i][5:5 + len(arg) // total * records]  # opcode, 4-byte length, bytes
            out += raw[i][:1] + struct.pack('<I', len(body)) + body
        elif op.name == 'EMPTY_LIST':
            out += raw[i] + raw[i + 1]  # the list and its memo entry
            i += 2
            items = []  # each item: its value and, where the pickler wrote one, its memo entry
            while i < len(ops) and ops[i][0].name == 'MARK':
                i += 1
                while ops[i][0].name != 'APPENDS':
                    item = raw[i]
                    if ops[i + 1][0].name in ('BINPUT', 'LONG_BINPUT'):
                        i += 1
                        item += raw[i]
                    items.append(item)
                    i += 1
                i += 1
            assert len(items) == total, (src, len(items))
            out += b'(' + b''.join(items[:records]) + b'e'
            continue
        else:
            out += raw[i]
        i += 1
    open(dst, 'wb').write(bytes(out))


def main(fashion, mnist, cifar, out):
    f = os.path.join(out, 'fashion-mnist')
    os.makedirs(f, exist_ok=True)
    for prefix, n in (('train', FASHION_TRAIN), ('t10k', FASHION_TEST)):
        for kind in ('images-idx3', 'labels-idx1'):
            name = '%s-%s-ubyte.gz' % (prefix, kind)
            idx_head(os.path.join(fashion, name), os.path.join(f, name), n)
    m = os.path.join(out, 'mnist-10k')
    os.makedirs(m, exist_ok=True)
    cut_pickle(os.path.join(mnist, 'mnist.pkl'), os.path.join(m, 'mnist.pkl'), MNIST, 10000)
    for name in ('images-idx3-ubyte.gz', 'labels-idx1-ubyte.gz'):
        idx_head(os.path.join(mnist, name), os.path.join(m, name), MNIST)
    c = os.path.join(out, 'cifar-10-batches-py')
    os.makedirs(c, exist_ok=True)
    cut_pickle(os.path.join(cifar, 'data_batch_1'), os.path.join(c, 'data_batch_1'), CIFAR, 10000)
    shutil.copyfile(os.path.join(cifar, 'batches.meta'), os.path.join(c, 'batches.meta'))


if __name__ == '__main__':
    main(*sys.argv[1:5])
