#!/usr/bin/python3
"""Loads numpy and PyTorch for a peer benchmark, on OpenBLAS with a core type chosen from the CPU.

OpenBLAS reads its settings when it is loaded, so every peer calls load() before anything else
imports numpy or torch. The core type (OPENBLAS_CORETYPE):
- NABLA_PEER_CORETYPE, when set (e.g. Zen, Haswell, SkylakeX; "auto" for OpenBLAS's own choice);
- else the emulated ISA's (NABLA_ISA, see machine.py): Haswell for avx2, SkylakeX for avx512;
- else SkylakeX on an Intel CPU with avx512f: Debian's OpenBLAS 0.3.21 mis-detects the Intel
  AVX-512 virtual machines and falls back to a slow SSE3 kernel;
- else OpenBLAS's own detection (on AMD it picks a good kernel; forcing SkylakeX on an AVX2-only
  CPU dies with "Illegal instruction").
Any OPENBLAS_CORETYPE or OPENBLAS_L2_SIZE already in the environment is dropped. describe()
reports the kernel OpenBLAS actually runs, as threadpoolctl reads it.

    /usr/bin/python3 bench/peers/blas.py [THREADS]   # prints the description as JSON
"""
import json
import os
import sys

import machine

DEBIAN = {"numpy": "python3-numpy", "torch": "python3-torch", "threadpoolctl": "python3-threadpoolctl"}


def coretype():
    explicit = os.environ.get("NABLA_PEER_CORETYPE", "").strip()
    if explicit:
        return None if explicit.lower() == "auto" else explicit
    v = machine.variant()
    if v:
        return v.openblas
    c = machine.cpu()
    if c.vendor == "GenuineIntel" and "avx512f" in c.flags:
        return "SkylakeX"
    return None


# oneDNN's name for the widest ISA of each emulated variant (its ONEDNN_MAX_CPU_ISA).
ONEDNN_ISA = {"avx512": "AVX512_CORE", "avx2": "AVX2", "default": "SSE41"}


def configure(threads):
    """Sets the environment OpenBLAS, OpenMP and ATen read when they load."""
    machine.check()
    for name in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        os.environ.pop(name, None)
    chosen = coretype()
    if chosen:
        os.environ["OPENBLAS_CORETYPE"] = chosen
    os.environ["OPENBLAS_NUM_THREADS"] = os.environ["OMP_NUM_THREADS"] = str(threads)
    v = machine.variant()
    if v:
        os.environ["ATEN_CPU_CAPABILITY"] = v.aten
        # PyTorch's convolutions run oneDNN, which picks its own instructions from the CPU.
        os.environ["ONEDNN_MAX_CPU_ISA"] = os.environ["DNNL_MAX_CPU_ISA"] = ONEDNN_ISA[v.aten]


def _import(name):
    try:
        return __import__(name)
    except ImportError as e:
        sys.exit(f"{name} is missing for /usr/bin/python3 ({e}): apt-get install {DEBIAN[name]}")


def load(threads, need_torch=True):
    """(numpy, torch or None) on OpenBLAS with `threads` threads; stops with one clear message
    when a package is missing or the BLAS is not OpenBLAS."""
    configure(threads)
    np = _import("numpy")
    torch = _import("torch") if need_torch else None
    if torch is not None:
        torch.set_num_threads(int(threads))
    if _openblas() is None:
        sys.exit("numpy does not run on OpenBLAS (Debian's reference BLAS is ~50x slower): "
                 "apt-get install libopenblas0-pthread")
    return np, torch


def _openblas():
    threadpoolctl = _import("threadpoolctl")
    return next((i for i in threadpoolctl.threadpool_info() if i.get("internal_api") == "openblas"), None)


def _aten_capability(torch):
    for line in torch.__config__.show().splitlines():
        if "CPU capability usage:" in line:
            return line.split(":", 1)[1].strip()
    return "unknown"


def describe():
    """What the peer runs on, for the results files (after load())."""
    info = _openblas() or {}
    np = sys.modules.get("numpy")
    torch = sys.modules.get("torch")
    return {
        "openblas": {"kernel": info.get("architecture"), "version": info.get("version"),
                     "threads": info.get("num_threads"), "coretype": os.environ.get("OPENBLAS_CORETYPE")},
        "numpy": np.__version__ if np else None,
        "torch": torch.__version__ if torch else None,
        "torch_threads": torch.get_num_threads() if torch else None,
        "aten": _aten_capability(torch) if torch else None,
    }


def announce():
    """Prints the description to stderr (for the person watching) and returns it."""
    d = describe()
    print(f"peer: {machine.peer_line(d)}", file=sys.stderr)
    return d


if __name__ == "__main__":
    load(sys.argv[1] if len(sys.argv) > 1 else 1)
    print(json.dumps(announce()))
