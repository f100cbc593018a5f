#!/usr/bin/python3
"""The machine a benchmark runs on, the ISA variant it emulates, and the per-machine sections of
the results files. Shared by every bench script and peer; Python 3 standard library only.

A results file (bench/RESULTS.md, RESULTS-conv.md, TRAINING.md) is a header followed by one
section per machine, each opened by a line "<!-- machine: LABEL -->" and running to the next
such line. Inside a section a run writes named blocks, "<!-- NAME:start -->" … "<!-- NAME:end -->";
a run replaces only its own blocks in its own machine's section and keeps everything else (other
machines, notes written beside a block).

Environment:
    NABLA_ISA=avx2|avx512|sse   emulate that vector ISA on a CPU that has it: nabla runs with
                                -XX:UseAVX=N, OpenBLAS with the matching core type, PyTorch
                                with ATEN_CPU_CAPABILITY; the section is labelled "emulated".
    NABLA_JVM_FLAGS="..."       extra JVM flags for nabla (named in the section label).
    NABLA_PEER_CORETYPE=Zen     run OpenBLAS with this core type ("auto": its own detection).

Command line (for the shell scripts):
    machine.py label            the section label of this machine and variant
    machine.py jvm-flags        nabla's JVM flags, one per line
    machine.py check            fails with a message when NABLA_ISA cannot run on this CPU
"""
import argparse
import datetime
import os
import platform
import re
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class Variant:
    """An emulated vector ISA: what each side is told to use."""
    name: str
    needs: str          # the /proc/cpuinfo flag the CPU must have
    jvm: tuple          # HotSpot flags for nabla
    openblas: str       # OPENBLAS_CORETYPE
    aten: str           # ATEN_CPU_CAPABILITY


VARIANTS = {
    "avx512": Variant("AVX-512", "avx512f", ("-XX:UseAVX=3",), "SkylakeX", "avx512"),
    "avx2": Variant("AVX2", "avx2", ("-XX:UseAVX=2",), "Haswell", "avx2"),
    "sse": Variant("SSE4.2 (no AVX)", "sse4_2", ("-XX:UseAVX=0",), "Nehalem", "default"),
}

# nabla's JVM flags in every benchmark (the JMH classes' @Fork flags, which a command-line
# -jvmArgsAppend replaces).
BASE_JVM = ("--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC")


@dataclass(frozen=True)
class Cpu:
    vendor: str
    model_name: str
    family: str
    model: str
    flags: frozenset
    cores: int


def cpu():
    fields = {}
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if not line.strip():
                    break   # the first processor is enough
                key, _, value = line.partition(":")
                fields[key.strip()] = value.strip()
    except OSError:
        pass
    flags = frozenset((fields.get("flags") or fields.get("Features") or "").split())
    return Cpu(vendor=fields.get("vendor_id", platform.machine()),
               model_name=fields.get("model name", platform.processor() or platform.machine()),
               family=fields.get("cpu family", "?"), model=fields.get("model", "?"),
               flags=flags, cores=os.cpu_count() or 1)


def vector_flags(c):
    """The vector-ISA flags present: avx, avx2, avx512f, …, or asimd/sve on Arm."""
    return sorted(f for f in c.flags if re.fullmatch(r"avx[0-9a-z_]*|asimd|sve\w*|fma", f))


def widest_isa(c):
    for flag, name in (("avx512f", "AVX-512"), ("avx2", "AVX2"), ("avx", "AVX"), ("sve", "SVE"),
                       ("asimd", "NEON"), ("sse4_2", "SSE4.2")):
        if flag in c.flags:
            return name
    return "no vector ISA known"


def variant():
    """The emulated ISA asked for by NABLA_ISA, or None."""
    name = os.environ.get("NABLA_ISA", "").strip().lower()
    if not name or name == "native":
        return None
    if name not in VARIANTS:
        sys.exit(f"NABLA_ISA={name}: unknown; use one of {', '.join(VARIANTS)} (or leave it unset)")
    return VARIANTS[name]


def check():
    v = variant()
    if v and v.needs not in cpu().flags:
        sys.exit(f"NABLA_ISA={os.environ['NABLA_ISA']}: this CPU has no {v.needs}, so {v.name} "
                 f"cannot be emulated here (only narrower ISAs than the CPU's can)")


def extra_jvm_flags():
    return tuple(os.environ.get("NABLA_JVM_FLAGS", "").split())


def jvm_flags():
    v = variant()
    return BASE_JVM + (v.jvm if v else ()) + extra_jvm_flags()


def label():
    """"AMD EPYC (family 25 model 17), AVX-512, 2 cores", plus the variant, if any."""
    c = cpu()
    text = f"{c.model_name} (family {c.family} model {c.model}), {widest_isa(c)}, {c.cores} cores"
    v = variant()
    if v:
        text += f"; emulated {v.name}: nabla {' '.join(v.jvm)}, OpenBLAS {v.openblas}, ATen {v.aten}"
    if extra_jvm_flags():
        text += f"; nabla JVM flags {' '.join(extra_jvm_flags())}"
    if os.environ.get("NABLA_PEER_CORETYPE"):
        text += f"; OpenBLAS core type {os.environ['NABLA_PEER_CORETYPE']}"
    return text


def peer_line(peer, threads=True):
    """One line on the peer's libraries, from blas.describe(); threads=False where the thread
    count is given per table."""
    if not peer:
        return "no peer"
    ob = peer.get("openblas") or {}
    chosen = (f"OPENBLAS_CORETYPE={ob['coretype']}" if ob.get("coretype")
              else "OpenBLAS's own core detection")
    text = (f"OpenBLAS {ob.get('version')} running its **{ob.get('kernel')}** kernel ({chosen}), "
            + (f"{ob.get('threads')} thread(s)" if threads else "threads as in each table")
            + f"; numpy {peer.get('numpy')}")
    if peer.get("torch"):
        text += (f"; PyTorch {peer['torch']} (ATen CPU capability {peer.get('aten')}"
                 + (f", {peer.get('torch_threads')} thread(s))" if threads else ")"))
    return text


def machine_block(command, machine_info, peer, load_before, load_after, extra_flags=()):
    """The bullet list that opens every generated block: what ran where, and how."""
    c = cpu()
    v = variant()
    info = "; ".join(line.strip() for line in machine_info.splitlines() if line.strip())
    lines = [
        f"- Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC with `{command}`.",
        f"- CPU: {c.model_name}, vendor {c.vendor}, family {c.family} model {c.model}, {c.cores} cores; "
        f"vector ISA {widest_isa(c)} ({' '.join(vector_flags(c)) or 'none'})"
        + (f"; **emulating {v.name}**" if v else "") + ".",
        f"- Load average before {load_before}, after {load_after} (a shared machine: read the ratios, "
        "measured in the same run, not the absolute figures).",
        f"- nabla: `java {' '.join(jvm_flags() + tuple(extra_flags))}`; MachineInfo: {info}.",
    ]
    if peer:
        lines.append(f"- Peer: {peer_line(peer, threads=False)}.")
    return "\n".join(lines)


def report_parser(*names):
    """The command line of a report script: the run's description (--machine-info, the
    MachineInfo output file; --load-before, --load-after, --command) and --results, the file to
    write, plus the script's own required options `names`."""
    parser = argparse.ArgumentParser()
    for name in ("results", *names, "machine_info", "load_before", "load_after", "command"):
        parser.add_argument("--" + name.replace("_", "-"), required=True)
    return parser


def report_head(args, peer, extra_flags=()):
    """machine_block() from a report_parser() command line."""
    with open(args.machine_info) as f:
        info = f.read()
    return machine_block(args.command, info, peer, args.load_before, args.load_after, extra_flags)


def _marker(label_text):
    return f"<!-- machine: {label_text} -->"


def write_block(path, block, content, header, heading_level=2):
    """Puts `content` as block `block` of this machine's section of the results file `path`.

    A new file starts with `header`; a new section is appended at the end of the file."""
    me = label()
    start, end = f"<!-- {block}:start -->", f"<!-- {block}:end -->"
    body = f"{start}\n\n{content.strip()}\n\n{end}"
    try:
        with open(path) as f:
            text = f.read()
    except FileNotFoundError:
        text = header.rstrip() + "\n"
    marker = _marker(me)
    if marker not in text:
        text = text.rstrip() + f"\n\n{marker}\n{'#' * heading_level} {me}\n\n{body}\n"
    else:
        at = text.index(marker)
        following = text.find("<!-- machine: ", at + len(marker))
        following = len(text) if following < 0 else following
        section = text[at:following]
        if start in section and end in section:
            section = section[:section.index(start)] + body + section[section.index(end) + len(end):]
        else:
            section = section.rstrip() + f"\n\n{body}\n\n"
        text = text[:at] + section + text[following:]
    with open(path, "w") as f:
        f.write(text.rstrip() + "\n")
    return me


def main(argv):
    command = argv[1] if len(argv) > 1 else ""
    if command == "label":
        print(label())
    elif command == "jvm-flags":
        print("\n".join(jvm_flags()))
    elif command == "check":
        check()
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
