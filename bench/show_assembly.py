#!/usr/bin/python3
"""Shows the machine code HotSpot's C2 made of one of nabla's kernels, and whether its hot loop
keeps every vector in registers.

    bench/show_assembly.py [--method Kernel5x2::full] [JVM flag ...]
    bench/show_assembly.py --method Kernel8x2::full                 # this machine's widest vectors
    bench/show_assembly.py --method Kernel5x2::full -XX:UseAVX=2    # as an AVX2 machine
    bench/show_assembly.py --method Kernel5x2::multiplyInPlace -XX:UseAVX=2   # A read in place
    bench/show_assembly.py --method Kernel5x2::multiplyTwoPanels -XX:UseAVX=2 # a bottom tile of few rows

It runs MicroKernelBench (which calls the micro-kernel chosen for the JVM's flags) briefly with
-XX:CompileCommand=print for the method, takes the bytes of its last C2 compilation from the
log, and disassembles them with binutils' objdump (Debian's binutils): HotSpot prints raw bytes
when no hsdis plugin matching the JDK is installed, which is the usual case. It then prints the
innermost loop with the most vector FMAs and counts the vector loads and stores to the stack
inside it (spills: an accumulator that did not get a register). Needs bench/target/benchmarks.jar
(./mvnw -pl bench -am package -DskipTests).
"""
import os
import re
import subprocess
import sys
import tempfile

PACKAGE = "dev.nabla.engine.kernels."


def main(argv):
    method = "Kernel8x2::full"
    if len(argv) >= 2 and argv[0] == "--method":
        method, argv = argv[1], argv[2:]
    java = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java")
    jar = os.path.join(os.path.dirname(os.path.abspath(__file__)), "target", "benchmarks.jar")
    if not os.path.exists(jar):
        sys.exit(f"{jar} is missing: build it with ./mvnw -pl bench -am package -DskipTests")
    flags = argv + ["-XX:+UnlockDiagnosticVMOptions", f"-XX:CompileCommand=print,{PACKAGE}{method}"]
    run = subprocess.run([java, "--add-modules=jdk.incubator.vector", "-jar", jar, "MicroKernelBench.microKernel",
                          "-f", "1", "-wi", "1", "-i", "1", "-w", "1", "-r", "1", "-jvmArgsAppend", " ".join(flags)],
                         capture_output=True, text=True)
    log = run.stdout + run.stderr
    config = re.search(r"# nabla sgemm: (.*)", log)
    print(f"JVM flags: {' '.join(argv) or '(none)'}\nconfiguration: {config.group(1) if config else '?'}")
    code = last_c2_bytes(log)
    if not code:
        sys.exit(f"no C2 compilation of {method} in the log: is it the kernel these flags choose?")
    loop = hottest_loop(disassemble(code))
    spills = [i for i in loop if re.search(r"[xyz]mm\d+", i) and "[rsp" in i]
    fmas = [i for i in loop if "vfmadd" in i]
    print(f"hot loop of {method}: {len(loop)} instructions, {len(fmas)} vector FMAs, {len(spills)} vector spills")
    print("\n".join("    " + i for i in loop))
    return 1 if spills else 0


def last_c2_bytes(log):
    """The main code of the last C2 nmethod in the log, as bytes."""
    parts = log.split("C2-compiled nmethod")
    if len(parts) < 2:
        return b""
    code = bytearray()
    for line in parts[-1].splitlines():
        if line.startswith("[Stub Code]") or line.startswith("[Exception Handler]"):
            break
        words = re.match(r"\s*0x[0-9a-f]+: ((?:[0-9a-f]{4} ?\|? ?)+)$", line)
        if words:
            code += bytes.fromhex(re.sub(r"[^0-9a-f]", "", words.group(1)))
    return bytes(code)


def disassemble(code):
    """(offset, instruction text) for each instruction, in Intel syntax."""
    with tempfile.NamedTemporaryFile(suffix=".bin") as f:
        f.write(code)
        f.flush()
        out = subprocess.run(["objdump", "-D", "-b", "binary", "-mi386:x86-64", "-M", "intel", f.name],
                             capture_output=True, text=True, check=True).stdout
    result = []
    for line in out.splitlines():
        m = re.match(r"\s*([0-9a-f]+):\t[0-9a-f ]+\t(.*)", line)
        if m:
            result.append((int(m.group(1), 16), m.group(2).strip()))
    return result


def hottest_loop(instructions):
    """The instructions of the backward jump's range that holds the most vector FMAs."""
    best = []
    for i, (offset, text) in enumerate(instructions):
        jump = re.match(r"j\w+\s+0x([0-9a-f]+)$", text)
        if not jump or int(jump.group(1), 16) > offset:
            continue
        target = int(jump.group(1), 16)
        body = [t for o, t in instructions[:i + 1] if o >= target]
        if sum("vfmadd" in t for t in body) > sum("vfmadd" in t for t in best):
            best = body
    return best


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
