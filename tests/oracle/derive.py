#!/usr/bin/env python3
"""Derive expected TCP/MPTCP facts for captures from Wireshark's tshark.

Usage: derive.py [--out DIR] [--tshark PROG] SOURCE [SOURCE ...]

Each SOURCE is a capture file or a folder; in a folder every *.pcap and
*.pcapng (not recursive) is used.  A missing SOURCE is skipped with a note.
For each capture, DIR/<capture file name>.json is written (see README.md for
the schema and the rules).  Python 3 standard library only.

The output is deterministic: same tshark, same capture -> same bytes.
Any inconsistency the oracle cannot explain (tshark's token/IDSN disagreeing
with SHA-1/SHA-256 of the key, two different keys for one side, ...) stops the
run with a non-zero exit status and a message naming the file and frame.
"""

import argparse
import glob
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

# tshark options: one pass (no -2), DSN per packet, relative numbers.
PREFS = [
    "mptcp.analyze_mptcp:TRUE",
    "mptcp.analyze_mappings:TRUE",
    "mptcp.relative_sequence_numbers:TRUE",
    "mptcp.intersubflows_retransmission:FALSE",
    "tcp.analyze_sequence_numbers:TRUE",
    "tcp.relative_sequence_numbers:TRUE",
]

FIELDS = [
    "frame.number",
    "frame.protocols",
    "ip.src",
    "ip.dst",
    "ipv6.src",
    "ipv6.dst",
    "tcp.srcport",
    "tcp.dstport",
    "tcp.stream",
    "tcp.flags",
    "tcp.len",
    "tcp.seq_raw",
    "mptcp.stream",
    "tcp.options.mptcp.subtype",
    "tcp.options.mptcp.version",
    "tcp.options.mptcp.sendkey",
    "tcp.options.mptcp.recvkey",
    "mptcp.expected_token",
    "mptcp.expected_idsn",
    "tcp.options.mptcp.recvtok",
    "mptcp.dsn",
    "tcp.options.mptcp.dseqnpresent.flag",
    "tcp.options.mptcp.dseqn8.flag",
    "tcp.options.mptcp.datafin.flag",
    "tcp.options.mptcp.rawdataseqno",
    "tcp.options.mptcp.subflowseqno",
    "tcp.options.mptcp.datalvllen",
]

SUB_MP_CAPABLE = 0
SUB_MP_JOIN = 1
SUB_MP_FAIL = 6
SUB_MP_FASTCLOSE = 7

# A second pass, for tshark's packet-level reinjection analysis only (it needs both prefs).
REINJECTION_PREFS = [
    "mptcp.analyze_mptcp:TRUE",
    "mptcp.analyze_mappings:TRUE",
    "mptcp.intersubflows_retransmission:TRUE",
]
REINJECTION_FIELDS = ["frame.number", "mptcp.reinjection_of"]

TH_SYN = 0x02
TH_ACK = 0x10


class OracleError(Exception):
    pass


def tshark_version(prog):
    out = subprocess.run([prog, "--version"], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, check=True,
                         universal_newlines=True).stdout
    first = out.splitlines()[0] if out else ""
    m = re.match(r"^(TShark \(Wireshark\) \S+)", first)
    if not m:
        raise OracleError("cannot read the tshark version from %r" % first)
    return m.group(1)


def run_tshark(prog, path, config_dir, prefs=PREFS, fields=FIELDS):
    cmd = [prog, "-n", "-r", path]
    for p in prefs:
        cmd += ["-o", p]
    cmd += ["-T", "fields", "-E", "separator=/t", "-E", "occurrence=a",
            "-E", "aggregator=,", "-E", "header=n"]
    for f in fields:
        cmd += ["-e", f]
    env = dict(os.environ)
    # Keep personal preferences / "Decode As" rules out of the oracle.
    env["WIRESHARK_CONFIG_DIR"] = config_dir
    env["LC_ALL"] = "C"
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          env=env, universal_newlines=True)
    err = [l for l in proc.stderr.splitlines()
           if l.strip() and "Running as user" not in l]
    if proc.returncode != 0:
        cut = any("cut short" in l for l in err)
        if not (cut and proc.stdout):
            raise OracleError("%s: tshark failed (exit %d): %s"
                              % (path, proc.returncode, " | ".join(err)))
    for l in err:
        sys.stderr.write("derive.py: %s: tshark: %s\n" % (os.path.basename(path), l))
    return proc.stdout


def parse_reinjections(text, fname):
    """frame -> the frames tshark's mptcp.reinjection_of names, for frames that have any."""
    result = {}
    for line in text.split("\n"):
        if line == "":
            continue
        cols = line.split("\t")
        if len(cols) != len(REINJECTION_FIELDS):
            raise OracleError("%s: unexpected tshark line %r" % (fname, line))
        frames = sorted({int(v) for v in split_multi(cols[1])})
        if frames:
            result[int(cols[0])] = frames
    return result


def split_multi(value):
    return [v for v in value.split(",") if v != ""] if value else []


def one_int(values, what, frame, fname, base=10):
    """The single value of a field, or None; several distinct values fail."""
    if not values:
        return None
    distinct = sorted(set(values))
    if len(distinct) != 1:
        raise OracleError("%s frame %d: several %s values %s"
                          % (fname, frame, what, ",".join(distinct)))
    return int(distinct[0], base)


def key_digest(key, version):
    data = key.to_bytes(8, "big")
    if version == 0:
        d = hashlib.sha1(data).digest()
    elif version == 1:
        d = hashlib.sha256(data).digest()
    else:
        return None
    return int.from_bytes(d[0:4], "big"), int.from_bytes(d[-8:], "big")


def endpoint(addr, port):
    if ":" in addr:
        return "[%s]:%d" % (addr, port)
    return "%s:%d" % (addr, port)


def parse_packets(text, fname):
    packets = []
    idx = {f: i for i, f in enumerate(FIELDS)}
    expected_no = 1
    for line in text.split("\n"):
        if line == "":
            continue
        cols = line.split("\t")
        if len(cols) != len(FIELDS):
            raise OracleError("%s: unexpected tshark line %r" % (fname, line))

        def col(name):
            return cols[idx[name]]

        no = int(col("frame.number"))
        if no != expected_no:
            raise OracleError("%s: frame %d out of order (expected %d)"
                              % (fname, no, expected_no))
        expected_no += 1
        pkt = {"no": no, "stream": None}
        streams = split_multi(col("tcp.stream"))
        if streams:
            # An ICMP error quoting a TCP header has one tcp layer (the inner
            # one); several TCP layers in one frame are not expected.
            stream = one_int(streams, "tcp.stream", no, fname)
            protos = col("frame.protocols").split(":")
            # The network layer carrying the (last) TCP header.
            last_tcp = max(i for i, p in enumerate(protos) if p == "tcp")
            l3 = None
            for p in reversed(protos[:last_tcp]):
                if p in ("ip", "ipv6"):
                    l3 = p
                    break
            if l3 is None:
                raise OracleError("%s frame %d: no IP layer before TCP (%s)"
                                  % (fname, no, col("frame.protocols")))
            src = split_multi(col(l3 + ".src"))
            dst = split_multi(col(l3 + ".dst"))
            sport = split_multi(col("tcp.srcport"))
            dport = split_multi(col("tcp.dstport"))
            flags = split_multi(col("tcp.flags"))
            tlen = split_multi(col("tcp.len"))
            if not (src and dst and sport and dport and flags):
                raise OracleError("%s frame %d: incomplete TCP fields" % (fname, no))
            pkt.update({
                "stream": stream,
                "src": endpoint(src[-1], int(sport[-1])),
                "dst": endpoint(dst[-1], int(dport[-1])),
                "flags": int(flags[-1], 16),
                "len": int(tlen[-1]) if tlen else 0,
                "mptcp": one_int(split_multi(col("mptcp.stream")),
                                 "mptcp.stream", no, fname),
                "subtypes": [int(v) for v in split_multi(col("tcp.options.mptcp.subtype"))],
                "versions": [int(v) for v in split_multi(col("tcp.options.mptcp.version"))],
                "sendkeys": [int(v) for v in split_multi(col("tcp.options.mptcp.sendkey"))],
                "recvkeys": [int(v) for v in split_multi(col("tcp.options.mptcp.recvkey"))],
                "exp_tokens": [int(v) for v in split_multi(col("mptcp.expected_token"))],
                "exp_idsns": [int(v) for v in split_multi(col("mptcp.expected_idsn"))],
                "recvtoks": [int(v) for v in split_multi(col("tcp.options.mptcp.recvtok"))],
                "dsn": one_int(split_multi(col("mptcp.dsn")), "mptcp.dsn", no, fname),
                "seq_raw": one_int(split_multi(col("tcp.seq_raw")), "tcp.seq_raw", no, fname),
                "dss_present": [int(v, 0) for v in split_multi(col("tcp.options.mptcp.dseqnpresent.flag"))],
                "dss_dsn8": [int(v, 0) for v in split_multi(col("tcp.options.mptcp.dseqn8.flag"))],
                "dss_fin": [int(v, 0) for v in split_multi(col("tcp.options.mptcp.datafin.flag"))],
                "dss_rawdsn": [int(v) for v in split_multi(col("tcp.options.mptcp.rawdataseqno"))],
                "dss_ssn": [int(v) for v in split_multi(col("tcp.options.mptcp.subflowseqno"))],
                "dss_dlen": [int(v) for v in split_multi(col("tcp.options.mptcp.datalvllen"))],
            })
        packets.append(pkt)
    return packets


M32 = 1 << 32
M64 = 1 << 64


def expand32(raw, ref):
    """64-bit DSN with low 32 bits raw, closest to ref (wrap-safe)."""
    if ref is None:
        return raw
    cand = (ref & ~(M32 - 1)) | raw
    best = min((cand - M32, cand, cand + M32), key=lambda c: abs(c - ref))
    return best % M64


def packet_mappings(p, fname):
    """DSS mappings carried by a packet, in option order:
    ("dss", ssn, sublen, rawdsn, dsn_is_8_bytes) or ("cap", 1, sublen, None,
    True) for an RFC 8684 MP_CAPABLE carrying data (its mapping starts at
    subflow sequence 1 and DSN IDSN+1).  sublen is the number of subflow
    sequence bytes the mapping covers: the data-level length, less the
    DATA_FIN's byte, which takes no subflow sequence space (0 = infinite
    mapping when the data-level length is 0, None = covers nothing)."""
    if not p["dss_dlen"]:
        return []
    subs = p["subtypes"]
    n_dss = subs.count(2)
    n_present = sum(1 for v in p["dss_present"] if v)
    n_cap_data = len(p["dss_dlen"]) - n_present
    ok = (len(p["dss_present"]) == n_dss and len(p["dss_dsn8"]) == n_dss
          and len(p["dss_fin"]) == n_dss
          and len(p["dss_rawdsn"]) == n_present and len(p["dss_ssn"]) == n_present
          and n_cap_data in (0, subs.count(SUB_MP_CAPABLE)))
    if not ok:
        sys.stderr.write("derive.py: %s frame %d: cannot pair DSS fields with options, "
                         "mappings of this packet ignored\n" % (fname, p["no"]))
        return []
    out = []
    dl = iter(p["dss_dlen"])
    i_dss = i_map = 0
    for st in subs:
        if st == 2:
            present, dsn8 = p["dss_present"][i_dss], p["dss_dsn8"][i_dss]
            fin = p["dss_fin"][i_dss]
            i_dss += 1
            if present:
                dlen = next(dl)
                sublen = dlen - 1 if (fin and dlen > 0) else dlen
                if dlen > 0 and sublen == 0:
                    sublen = None
                out.append(("dss", p["dss_ssn"][i_map], sublen,
                            p["dss_rawdsn"][i_map], bool(dsn8)))
                i_map += 1
        elif st == SUB_MP_CAPABLE and n_cap_data:
            out.append(("cap", 1, next(dl), None, True))
    return out


def union_size(intervals):
    total = 0
    cur_lo = cur_hi = None
    for lo, hi in sorted(intervals):
        if cur_hi is None or lo > cur_hi:
            if cur_hi is not None:
                total += cur_hi - cur_lo
            cur_lo, cur_hi = lo, hi
        elif hi > cur_hi:
            cur_hi = hi
    if cur_hi is not None:
        total += cur_hi - cur_lo
    return total


def shared_size(per_subflow):
    """Bytes that more than one subflow's intervals cover."""
    events = []
    for intervals in per_subflow.values():
        cur_lo = cur_hi = None
        for lo, hi in sorted(intervals) + [(None, None)]:
            if lo is None or cur_hi is None or lo > cur_hi:
                if cur_hi is not None:
                    events += [(cur_lo, 1), (cur_hi, -1)]
                cur_lo, cur_hi = lo, hi
            elif hi > cur_hi:
                cur_hi = hi
    total = depth = 0
    prev = None
    for pos, delta in sorted(events):
        if prev is not None and depth >= 2:
            total += pos - prev
        depth += delta
        prev = pos
    return total


def analyse(fname, packets, version_str, reinjection_of=None):
    tcp_pkts = [p for p in packets if p["stream"] is not None]

    # ---- TCP streams: client side, per-direction counters -----------------
    streams = {}
    for p in tcp_pkts:
        s = streams.setdefault(p["stream"], {"pkts": [], "mptcp_values": []})
        s["pkts"].append(p)
        if p["mptcp"] is not None and p["mptcp"] not in s["mptcp_values"]:
            s["mptcp_values"].append(p["mptcp"])

    for sid, s in streams.items():
        pk = s["pkts"]
        syn = [p for p in pk if p["flags"] & (TH_SYN | TH_ACK) == TH_SYN]
        synack = [p for p in pk if p["flags"] & (TH_SYN | TH_ACK) == TH_SYN | TH_ACK]
        if syn:
            client, server = syn[0]["src"], syn[0]["dst"]
        elif synack:
            client, server = synack[0]["dst"], synack[0]["src"]
        else:
            client, server = pk[0]["src"], pk[0]["dst"]
        s["client"], s["server"], s["syn_seen"] = client, server, bool(syn)
        for p in pk:
            p["tdir"] = "c2s" if p["src"] == client and p["dst"] == server else "s2c"
        # Initial sequence number of each direction for the subflow-relative
        # sequence numbers of DSS mappings: the latest SYN (SYN/ACK) seen so
        # far in that direction, else the first one seen later.
        isn = {"c2s": None, "s2c": None}
        for p in pk:
            if p["flags"] & TH_SYN:
                isn[p["tdir"]] = p["seq_raw"]
            p["isn"] = isn[p["tdir"]]
        later = {"c2s": None, "s2c": None}
        for p in reversed(pk):
            if p["flags"] & TH_SYN:
                later[p["tdir"]] = p["seq_raw"]
            if p["isn"] is None:
                p["isn"] = later[p["tdir"]]

    # ---- Which MPTCP connection each TCP packet belongs to -----------------
    # A packet showing mptcp.stream belongs to that connection.  A packet
    # without one (no MPTCP option) belongs to the last mptcp.stream value seen
    # earlier on its tcp.stream, or else to the first one seen later.
    for s in streams.values():
        last = s["mptcp_values"][0] if s["mptcp_values"] else None
        for p in s["pkts"]:
            if p["mptcp"] is not None:
                last = p["mptcp"]
            p["conn"] = p["mptcp"] if p["mptcp"] is not None else last

    conns = {}
    for p in tcp_pkts:
        if p["conn"] is None:
            continue
        c = conns.setdefault(p["conn"], {"pkts": [], "subflows": set()})
        c["pkts"].append(p)
        if p["mptcp"] is not None:
            c["subflows"].add(p["stream"])

    out_mptcp = []
    for cid in sorted(conns):
        out_mptcp.append(analyse_conn(fname, cid, conns[cid], streams, reinjection_of or {}))

    out_tcp = []
    for sid in sorted(streams):
        s = streams[sid]
        npk = {"c2s": 0, "s2c": 0}
        nby = {"c2s": 0, "s2c": 0}
        for p in s["pkts"]:
            npk[p["tdir"]] += 1
            nby[p["tdir"]] += p["len"]
        vals = sorted(s["mptcp_values"])
        out_tcp.append({
            "stream": sid,
            "client": s["client"],
            "server": s["server"],
            "packets": npk,
            "bytes": nby,
            "syn_seen": s["syn_seen"],
            "mptcp": None if not vals else (vals[0] if len(vals) == 1 else vals),
        })

    return {
        "derived_by": "tests/oracle/derive.py with %s" % version_str,
        "file": fname,
        "packets": len(packets),
        "tcp_packets": len(tcp_pkts),
        "tcp": out_tcp,
        "mptcp": out_mptcp,
    }


def analyse_conn(fname, cid, c, streams, reinjection_of):
    pk = c["pkts"]

    def fail(msg, p=None):
        where = " frame %d" % p["no"] if p else ""
        raise OracleError("%s%s: mptcp.stream %d: %s" % (fname, where, cid, msg))

    # MP_CAPABLE subflow(s): the TCP client of such a subflow is the MPTCP
    # client by definition.
    cap_pkts = [p for p in pk if SUB_MP_CAPABLE in p["subtypes"]]
    cap_streams = sorted({p["stream"] for p in cap_pkts})
    if len(cap_streams) > 1:
        fail("MP_CAPABLE on several subflows %s" % cap_streams)

    versions = {}
    keys = {"client": set(), "server": set()}
    toks = {"client": set(), "server": set()}
    idsns = {"client": set(), "server": set()}
    for p in cap_pkts:
        if SUB_MP_FASTCLOSE in p["subtypes"]:
            fail("MP_CAPABLE and MP_FASTCLOSE in one packet", p)
        side, other = ("client", "server") if p["tdir"] == "c2s" else ("server", "client")
        if p["versions"]:
            vset = set(p["versions"])
            if len(vset) != 1:
                fail("several MP_CAPABLE versions in one packet", p)
            versions.setdefault(p["flags"] & (TH_SYN | TH_ACK), set()).update(vset)
        if len(set(p["sendkeys"])) > 1 or len(set(p["recvkeys"])) > 1:
            fail("several keys in one packet", p)
        keys[side].update(p["sendkeys"])
        keys[other].update(p["recvkeys"])
        # tshark 4.0 shows token 0 / IDSN 0 for a key it learns after an 8-octet DSN of the
        # same side (its "key known" test also matches the "DSN high bits known" flag):
        # unknown, not zero (samples/h_two_interfaces_unsorted.pcapng).
        if set(p["exp_tokens"]) == {0} and set(p["exp_idsns"]) == {0}:
            continue
        toks[side].update(p["exp_tokens"])
        idsns[side].update(p["exp_idsns"])
        # Cross-check tshark's token/IDSN with our own hash of the sent key.
        if p["sendkeys"] and p["versions"] and (p["exp_tokens"] or p["exp_idsns"]):
            dig = key_digest(p["sendkeys"][0], p["versions"][0])
            if dig is not None:
                if set(p["exp_tokens"]) - {dig[0]} or set(p["exp_idsns"]) - {dig[1]}:
                    fail("tshark token/IDSN %s/%s disagree with hashlib %d/%d for key %d"
                         % (p["exp_tokens"], p["exp_idsns"], dig[0], dig[1],
                            p["sendkeys"][0]), p)

    # Connection version: the SYN/ACK's (the negotiated one), else the SYN's,
    # else any other MP_CAPABLE's.
    version = None
    for fl in (TH_SYN | TH_ACK, TH_SYN, TH_ACK, 0):
        if fl in versions:
            if len(versions[fl]) != 1:
                fail("different MP_CAPABLE versions %s" % sorted(versions[fl]))
            version = next(iter(versions[fl]))
            break

    def single(vals, what):
        if len(vals) > 1:
            fail("several %s: %s" % (what, sorted(vals)))
        return next(iter(vals)) if vals else None

    ck, sk = single(keys["client"], "client keys"), single(keys["server"], "server keys")
    ct, st = single(toks["client"], "client tokens"), single(toks["server"], "server tokens")
    ci, si = single(idsns["client"], "client IDSNs"), single(idsns["server"], "server IDSNs")
    for key, tok, idsn, who in ((ck, ct, ci, "client"), (sk, st, si, "server")):
        if key is not None and version in (0, 1) and (tok is not None or idsn is not None):
            dig = key_digest(key, version)
            if (tok is not None and tok != dig[0]) or (idsn is not None and idsn != dig[1]):
                fail("%s token/IDSN %s/%s disagree with hashlib %d/%d"
                     % (who, tok, idsn, dig[0], dig[1]))

    # Tokens for telling subflow directions apart: tshark's, else hashlib's.
    def token_of(key, tok):
        if tok is not None:
            return tok
        if key is not None and version in (0, 1):
            return key_digest(key, version)[0]
        return None

    client_tok, server_tok = token_of(ck, ct), token_of(sk, st)

    # MP_JOIN SYNs: the token is the receiver's.
    join_tokens = set()
    swap = {}
    assumed = set()
    for sid in sorted(c["subflows"]):
        sp = [p for p in pk if p["stream"] == sid]
        jt = set()
        for p in sp:
            if (SUB_MP_JOIN in p["subtypes"] and p["recvtoks"]
                    and p["flags"] & (TH_SYN | TH_ACK) == TH_SYN):
                jt.update(p["recvtoks"])
        join_tokens |= jt
        if sid in cap_streams:
            swap[sid] = False
        elif jt and server_tok is not None and jt == {server_tok}:
            swap[sid] = False
        elif jt and client_tok is not None and jt == {client_tok}:
            swap[sid] = True
        else:
            swap[sid] = False
            assumed.add(sid)
    # Packets without mptcp.stream on a stream that is not a subflow of this
    # connection cannot occur (they inherit a value shown on their stream).

    # ---- Data sequence numbers ------------------------------------------
    # Our own DSN for every data packet, from the DSS mappings of the capture
    # (see README: tshark 4.0's one-pass mptcp.dsn is wrong for RFC 8684
    # MP_CAPABLE-with-data segments and misses mappings sent later or on
    # out-of-order segments).  tshark's mptcp.dsn is the fallback and is also
    # reported on its own under "tshark".
    def mdir_of(p):
        d = p["tdir"]
        if swap.get(p["stream"], False):
            d = "s2c" if d == "c2s" else "c2s"
        return d

    idsn = {"c2s": ci, "s2c": si}
    for d, key in (("c2s", ck), ("s2c", sk)):
        if idsn[d] is None and key is not None and version in (0, 1):
            idsn[d] = key_digest(key, version)[1]
    ref = dict(idsn)
    maps = {}
    for p in pk:
        p["own_maps"] = []
        raw_maps = packet_mappings(p, fname)
        if not raw_maps:
            continue
        d = mdir_of(p)
        for kind, ssn, dlen, raw, dsn8 in raw_maps:
            if kind == "cap":
                if idsn[d] is None:
                    continue
                dsn = (idsn[d] + 1) % M64
            elif dsn8:
                dsn = raw
            else:
                dsn = expand32(raw, ref[d])
            ref[d] = dsn
            m = (p["no"], ssn, dlen, dsn)
            p["own_maps"].append(m)
            maps.setdefault((p["stream"], p["tdir"]), []).append(m)

    # Fallback to TCP (RFC 8684 section 3.7): from the first MP_FAIL or infinite
    # mapping on a subflow, its data continues the data sequence space where the
    # mappings left it, in both directions.  A direction without any mapping by
    # then on the MP_CAPABLE subflow starts at IDSN + 1, subflow sequence 1.
    # Continuation applies at or beyond the furthest mapped end before the
    # fallback (earlier data must have had mappings of its own).
    fallback = {}
    for p in pk:
        if p["stream"] not in fallback and (SUB_MP_FAIL in p["subtypes"]
                                            or any(m[2] == 0 for m in p["own_maps"])):
            fallback[p["stream"]] = p["no"]
    continue_from = {}
    for sid, fno in fallback.items():
        for tdir in ("c2s", "s2c"):
            earlier = [m for m in maps.get((sid, tdir), []) if m[0] < fno]
            ends = [m[1] + m[2] for m in earlier if m[2] is not None]
            d = ("s2c" if tdir == "c2s" else "c2s") if swap.get(sid, False) else tdir
            if not earlier and sid in cap_streams and idsn[d] is not None:
                maps.setdefault((sid, tdir), []).append((fno, 1, 0, (idsn[d] + 1) % M64))
            continue_from[(sid, tdir)] = max(ends, default=0)

    def continued(p, rel):
        """The mapping ending closest below rel, continued to rel, after a fallback."""
        key = (p["stream"], p["tdir"])
        if key not in continue_from or rel < continue_from[key]:
            return None
        ending = [m for m in maps.get(key, []) if m[2] and m[1] + m[2] <= rel]
        if not ending:
            return None
        m = max(ending, key=lambda m: m[1] + m[2])
        return m, rel - m[1]

    def covering(mlist, rel):
        for m in mlist:
            off = (rel - m[1]) % M32
            if m[2] is None:
                continue
            if (m[2] > 0 and off < m[2]) or (m[2] == 0 and off < M32 // 2):
                yield m, off

    intervals = {"c2s": [], "s2c": []}
    ts_intervals = {"c2s": [], "s2c": []}
    per_subflow = {"c2s": {}, "s2c": {}}
    ts_per_subflow = {"c2s": {}, "s2c": {}}
    ts_reinjections = {}
    ts_reinjection_bytes = {"c2s": 0, "s2c": 0}
    ts_dsn_unlike_ours = []  # data packets whose mptcp.dsn is missing or differs from ours
    dsn_pk = {"c2s": 0, "s2c": 0}
    nodsn_pk = {"c2s": 0, "s2c": 0}
    ts_dsn_pk = {"c2s": 0, "s2c": 0}
    ts_nodsn_pk = {"c2s": 0, "s2c": 0}
    ts_differs = {"c2s": 0, "s2c": 0}
    for p in pk:
        if p["len"] <= 0:
            continue
        d = mdir_of(p)
        own = None
        if p["isn"] is not None:
            rel = (p["seq_raw"] - p["isn"]) % M32
            found = next(covering(p["own_maps"], rel), None)
            if found is None:
                before = [m for m in maps.get((p["stream"], p["tdir"]), []) if m[0] < p["no"]]
                after = [m for m in maps.get((p["stream"], p["tdir"]), []) if m[0] > p["no"]]
                found = next(covering(reversed(before), rel), None) or next(covering(after, rel), None)
            if found is None:
                found = continued(p, rel)
            if found is not None:
                m, off = found
                own = (m[3] + off - (idsn[d] or 0)) % M64
        if p["no"] in reinjection_of:
            ts_reinjections[str(p["no"])] = reinjection_of[p["no"]]
            ts_reinjection_bytes[d] += p["len"]
        if p["dsn"] is not None:
            ts_intervals[d].append((p["dsn"], p["dsn"] + p["len"]))
            ts_per_subflow[d].setdefault(p["stream"], []).append((p["dsn"], p["dsn"] + p["len"]))
            ts_dsn_pk[d] += 1
            if own is not None and own != p["dsn"]:
                ts_differs[d] += 1
                ts_dsn_unlike_ours.append(p["no"])
        else:
            ts_nodsn_pk[d] += 1
            ts_dsn_unlike_ours.append(p["no"])
        best = own if own is not None else p["dsn"]
        if best is not None:
            intervals[d].append((best, best + p["len"]))
            per_subflow[d].setdefault(p["stream"], []).append((best, best + p["len"]))
            dsn_pk[d] += 1
        else:
            nodsn_pk[d] += 1

    def s(v):
        return None if v is None else str(v)

    reinjected = {d: shared_size(per_subflow[d]) for d in ("c2s", "s2c")}
    if not any(reinjected.values()) and not ts_reinjections:
        ts_dsn_unlike_ours = []  # only needed to explain reinjection differences

    return {
        "id": cid,
        "version": version,
        "subflows": sorted(c["subflows"]),
        "client_key": s(ck),
        "server_key": s(sk),
        "client_token": ct,
        "server_token": st,
        "client_idsn": s(ci),
        "server_idsn": s(si),
        "join_tokens": sorted(join_tokens),
        "data_bytes": {d: union_size(intervals[d]) for d in ("c2s", "s2c")},
        "reinjected_bytes": reinjected,
        "dsn_packets": dsn_pk,
        "data_packets_without_dsn": nodsn_pk,
        "direction_assumed": sorted(assumed),
        "tshark": {
            "data_bytes": {d: union_size(ts_intervals[d]) for d in ("c2s", "s2c")},
            "reinjected_bytes": {d: shared_size(ts_per_subflow[d]) for d in ("c2s", "s2c")},
            "reinjection_of": ts_reinjections,
            "reinjection_of_bytes": ts_reinjection_bytes,
            "dsn_unlike_ours": ts_dsn_unlike_ours,
            "dsn_packets": ts_dsn_pk,
            "data_packets_without_dsn": ts_nodsn_pk,
            "dsn_differs": ts_differs,
        },
    }


def collect(sources):
    files = []
    for src in sources:
        if os.path.isdir(src):
            found = []
            for pat in ("*.pcap", "*.pcapng"):
                found += glob.glob(os.path.join(src, pat))
            files += sorted(found)
        elif os.path.isfile(src):
            files.append(src)
        else:
            sys.stderr.write("derive.py: %s: absent, skipped\n" % src)
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                  "..", "data", "expected"),
                    help="output folder (default: tests/data/expected)")
    ap.add_argument("--tshark", default="tshark", help="tshark program")
    ap.add_argument("sources", nargs="+", help="capture files or folders")
    args = ap.parse_args()

    files = collect(args.sources)
    names = {}
    for f in files:
        n = os.path.basename(f)
        if n in names:
            sys.stderr.write("derive.py: error: two captures named %s: %s and %s\n"
                             % (n, names[n], f))
            return 1
        names[n] = f
    if not files:
        sys.stderr.write("derive.py: no capture found\n")
        return 1

    try:
        version_str = tshark_version(args.tshark)
    except (OSError, subprocess.CalledProcessError, OracleError) as e:
        sys.stderr.write("derive.py: error: cannot run %s: %s\n" % (args.tshark, e))
        return 1

    os.makedirs(args.out, exist_ok=True)
    status = 0
    with tempfile.TemporaryDirectory(prefix="derive-wsconf-") as conf:
        for f in files:
            name = os.path.basename(f)
            try:
                text = run_tshark(args.tshark, f, conf)
                reinjections = parse_reinjections(
                    run_tshark(args.tshark, f, conf, REINJECTION_PREFS, REINJECTION_FIELDS), name)
                doc = analyse(name, parse_packets(text, name), version_str, reinjections)
            except OracleError as e:
                sys.stderr.write("derive.py: error: %s\n" % e)
                status = 1
                continue
            data = json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=True) + "\n"
            dest = os.path.join(args.out, name + ".json")
            old = None
            if os.path.exists(dest):
                with open(dest, "r", encoding="utf-8") as fh:
                    old = fh.read()
            if old != data:
                tmp = dest + ".tmp"
                with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
                    fh.write(data)
                os.replace(tmp, dest)
            sys.stdout.write("%s %s (%d packets, %d tcp streams, %d mptcp)\n"
                             % ("wrote" if old != data else "unchanged", dest,
                                doc["packets"], len(doc["tcp"]), len(doc["mptcp"])))

    stale = sorted(n for n in os.listdir(args.out)
                   if n.endswith(".json") and n[:-5] not in names)
    for n in stale:
        sys.stderr.write("derive.py: note: %s has no capture in this run (left as is)\n" % n)
    return status


if __name__ == "__main__":
    sys.exit(main())
