#!/usr/bin/env python3
"""Derives tests/data/reinjection_arrivals.tsv from tshark, for tst_reinjection_verdicts.

    tests/oracle/reinjection_arrivals.py [SHARED_CAPTURES_DIR]

For each pair of captures of one experiment (samples/l_pair_client.pcap + l_pair_server.pcap;
client_2.pcap + server_2.pcap of the shared folder, default ../shared/captures, skipped when
absent), and each side as the sender: the data sequence numbers that the sender's capture
shows on more than one subflow (the reinjected bytes, by definition), then every packet of
the other capture (the receiver's) whose data overlaps them, with its frame number, capture
time, 4-tuple, data sequence number and length. The test works out from these packets when
the receiver had each reinjected range through each subflow, without mptcpscope's matching.

Data sequence numbers come from tshark's DSS fields only, not from mptcpscope nor from
tshark's mptcp.dsn (wrong in tshark 4.0 for some segments, see README.md): a packet's DSN is
the raw DSN of the mapping that covers its subflow sequence number (on the packet or on
another packet of the same subflow direction) plus its offset in the mapping, taken modulo
2^32 (the v0 pair sends 4-octet DSNs).
"""

import bisect
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "data" / "reinjection_arrivals.tsv"
FIELDS = [
    "frame.number", "frame.time_epoch", "ip.src", "tcp.srcport", "ip.dst", "tcp.dstport", "tcp.seq", "tcp.len",
    "tcp.options.mptcp.rawdataseqno", "tcp.options.mptcp.subflowseqno", "tcp.options.mptcp.datalvllen",
]
MOD = 1 << 32


def packets(path, config):
    """Data packets with their DSN (mod 2^32), or None when no mapping covers them."""
    command = ["tshark", "-r", str(path), "-o", "tcp.relative_sequence_numbers:TRUE", "-Y", "tcp.len > 0",
               "-T", "fields", "-E", "occurrence=a", "-E", "aggregator=,"]
    for field in FIELDS:
        command += ["-e", field]
    text = subprocess.run(command, check=True, capture_output=True, text=True,
                          env=dict(os.environ, WIRESHARK_CONFIG_DIR=config)).stdout
    rows = []
    mappings = defaultdict(list)  # (src, sport, dst, dport) → [(ssn, length, raw dsn)]
    for line in text.splitlines():
        frame, time, src, sport, dst, dport, seq, length, raw, ssn, dlen = line.split("\t")
        tup = (src, sport, dst, dport)
        rows.append({"frame": int(frame), "time": time, "tuple": tup, "seq": int(seq), "len": int(length)})
        for r, s, d in zip(raw.split(","), ssn.split(","), dlen.split(",")):
            if r and s and d and int(d) > 0:
                mappings[tup].append((int(s), int(d), int(r)))
    for row in rows:
        row["dsn"] = None
        for s, d, r in mappings[row["tuple"]]:
            if s <= row["seq"] < s + d:
                row["dsn"] = (r + row["seq"] - s) % MOD
                break
    return [row for row in rows if row["dsn"] is not None]


def reinjected_ranges(rows):
    """DSN ranges (mod 2^32, no wrap inside a packet assumed) carried by more than one subflow."""
    by_tuple = defaultdict(list)
    for row in rows:
        by_tuple[row["tuple"]].append((row["dsn"], row["dsn"] + row["len"]))
    bounds = sorted({b for spans in by_tuple.values() for span in spans for b in span})
    ranges = []
    # A byte is reinjected when at least two 4-tuples cover it: count them per elementary interval.
    counts = [0] * max(len(bounds) - 1, 0)
    for spans in by_tuple.values():
        covered = [False] * len(counts)
        for start, end in spans:
            i = bisect.bisect_left(bounds, start)
            while i < len(counts) and bounds[i] < end:
                covered[i] = True
                i += 1
        for i, c in enumerate(covered):
            counts[i] += c
    for i, count in enumerate(counts):
        if count >= 2:
            if ranges and ranges[-1][1] == bounds[i]:
                ranges[-1] = (ranges[-1][0], bounds[i + 1])
            else:
                ranges.append((bounds[i], bounds[i + 1]))
    return ranges


def overlaps(row, ranges):
    i = bisect.bisect_right(ranges, (row["dsn"], MOD)) - 1
    for j in (i, i + 1):
        if 0 <= j < len(ranges) and ranges[j][0] < row["dsn"] + row["len"] and row["dsn"] < ranges[j][1]:
            return True
    return False


def main():
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "captures"
    pairs = [(ROOT / "samples" / "l_pair_client.pcap", ROOT / "samples" / "l_pair_server.pcap")]
    if (shared / "client_2.pcap").exists() and (shared / "server_2.pcap").exists():
        pairs.append((shared / "client_2.pcap", shared / "server_2.pcap"))
    else:
        print(f"note: {shared}/client_2.pcap + server_2.pcap absent, skipped", file=sys.stderr)
    version = subprocess.run(["tshark", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    lines = [f"# generated by tests/oracle/reinjection_arrivals.py ({version}; do not edit): receiver file, "
             "frame, time_epoch, source, source port, destination, destination port, DSN mod 2^32, length"]
    with tempfile.TemporaryDirectory() as config:
        for a, b in pairs:
            rows = {a: packets(a, config), b: packets(b, config)}
            for sender, receiver in ((a, b), (b, a)):
                ranges = reinjected_ranges(rows[sender])
                for row in rows[receiver]:
                    if overlaps(row, ranges):
                        lines.append("\t".join([receiver.name, str(row["frame"]), row["time"], *row["tuple"],
                                                str(row["dsn"]), str(row["len"])]))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(lines) - 1} packets", file=sys.stderr)


if __name__ == "__main__":
    main()
