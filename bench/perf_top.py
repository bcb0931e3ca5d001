#!/usr/bin/env python3
"""Where the time goes, from a `perf record -g` profile: the functions with the most samples of
their own (self) and those on the stack of the most samples (inclusive), in percent.

    perf record -F 1999 --call-graph dwarf,32768 -o perf.data build/app/mptcpscope-cli summary big.pcap --json >/dev/null
    perf script -i perf.data | bench/perf_top.py [--top N]

perf report cannot symbolise the project's binaries on some systems ("symsrc__init: cannot get
elf header" with Debian's linux-perf 6.1 and elfutils 0.188), so the addresses that perf script
leaves as [unknown] are looked up here with llvm-symbolizer (or addr2line), inlined functions
included: a sample in an inlined function counts for it and for the function it was inlined
into.
"""

import argparse
import collections
import re
import shutil
import subprocess
import sys

FRAME = re.compile(r"^\s+([0-9a-f]+) (.+?) \((.+)\)$")


def symbolizer(addresses_by_object):
    """{object: {address: [innermost function, ..., outermost]}}"""
    names = {}
    tool = shutil.which("llvm-symbolizer")
    for obj, addresses in addresses_by_object.items():
        ordered = sorted(addresses)
        if tool:
            out = subprocess.run([tool, "--obj=" + obj, "--inlines", "--functions=linkage", "--demangle",
                                  "--print-address"],
                                 input="\n".join(hex(a) for a in ordered), capture_output=True,
                                 text=True, check=False).stdout
            # Each address: its own line, then function and location lines, innermost first.
            address, lines = None, []
            for line in out.splitlines() + ["0x"]:
                if line.startswith("0x"):
                    if address is not None:
                        names[(obj, address)] = lines[0::2] or ["??"]
                    address, lines = (int(line, 16) if len(line) > 2 else None), []
                elif line.strip():
                    lines.append(line)
        else:
            out = subprocess.run(["addr2line", "-f", "-C", "-i", "-e", obj] + [hex(a) for a in ordered],
                                 capture_output=True, text=True, check=False).stdout.splitlines()
            # Without inlining information per address, only the first function of each is kept.
            for address, name in zip(ordered, out[0::2]):
                names[(obj, address)] = [name]
    return names


def short(name):
    name = name.replace("(anonymous namespace)", "{anonymous}")
    name = re.sub(r"\(.*\)( const)?$", "", name)  # drop the parameter list
    return name if len(name) <= 90 else name[:87] + "..."


def is_library_helper(name):
    return name.startswith(("std::", "__gnu_cxx::", "__upper_bound", "__lower_bound", "operator"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=25)
    arguments = parser.parse_args()

    samples = []
    current = None
    for line in sys.stdin:
        if not line.strip():
            current = None
            continue
        if not line[0].isspace():
            current = []
            samples.append(current)
            continue
        match = FRAME.match(line)
        if match and current is not None:
            address, symbol, obj = int(match.group(1), 16), match.group(2), match.group(3)
            current.append((address, re.sub(r"\+0x[0-9a-f]+$", "", symbol), obj))

    unknown = collections.defaultdict(set)
    for sample in samples:
        for address, symbol, obj in sample:
            if symbol == "[unknown]" and obj.startswith("/") and not obj.endswith(".so") and ".so." not in obj:
                unknown[obj].add(address)
    names = symbolizer(unknown)

    def functions(frame):
        address, symbol, obj = frame
        if (obj, address) in names:
            return [short(n) for n in names[(obj, address)]]
        if symbol == "[unknown]":
            return [f"[{obj.rsplit('/', 1)[-1]}]"]
        return [short(symbol)]

    total = len(samples)
    own = collections.Counter()
    inclusive = collections.Counter()
    for sample in samples:
        if not sample:
            continue
        # Self time goes to the innermost function that is not a standard library helper
        # inlined into it (a std::map lookup counts for the function that made it).
        innermost = functions(sample[0])
        own[next((n for n in innermost if not is_library_helper(n)), innermost[0])] += 1
        seen = set()
        for frame in sample:
            seen.update(functions(frame))
        for name in seen:
            inclusive[name] += 1
    print(f"{total} samples")
    print("\nself %   function (standard library code inlined into a function counts for it)")
    for name, count in own.most_common(arguments.top):
        print(f"{100 * count / total:6.1f}   {name}")
    print("\ninclusive %   function")
    for name, count in inclusive.most_common(arguments.top):
        print(f"{100 * count / total:6.1f}        {name}")


if __name__ == "__main__":
    main()
