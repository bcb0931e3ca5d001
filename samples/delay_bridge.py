#!/usr/bin/env python3
"""Packet-level delay line between pairs of interfaces, used by record.sh.

    delay_bridge.py --pair IF_A:IF_B:DELAY_MS [--pair ...] [--corrupt IF:N] [--timeout S]

For each pair, every Ethernet frame received on IF_A is sent out of IF_B
DELAY_MS milliseconds later, and the other way round (a two-port bridge with a
fixed one-way delay per direction; frame order is kept).  It works on whole
frames with AF_PACKET sockets, so TCP options (MPTCP) pass untouched -- unlike
a TCP proxy, which would terminate MPTCP.  Runs in its own network namespace
on interfaces that carry no addresses; stops on SIGTERM/SIGINT or after
--timeout seconds.

--corrupt IF:N flips the bits of one payload byte (the middle one) of the N-th
TCP segment with payload received on IF (IPv4 or IPv6, counting from 1) and
recomputes its TCP checksum, so TCP accepts the segment and only an end-to-end
check of the payload (the MPTCP DSS checksum) can see the change.
"""
import argparse
import collections
import select
import signal
import socket
import struct
import sys
import time

ETH_P_ALL = 0x0003
PACKET_OUTGOING = 4
ETH_HLEN = 14
ETHERTYPE_IPV4 = 0x0800
ETHERTYPE_IPV6 = 0x86DD
IPPROTO_TCP = 6


def ones_complement_sum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return total


def tcp_segment_of(frame):
    """(offset of the TCP header, its length with payload, pseudo-header) or None."""
    if len(frame) < ETH_HLEN:
        return None
    ethertype = struct.unpack_from("!H", frame, 12)[0]
    if ethertype == ETHERTYPE_IPV4 and len(frame) >= ETH_HLEN + 20:
        ihl = (frame[ETH_HLEN] & 0x0F) * 4
        total, proto = struct.unpack_from("!H", frame, ETH_HLEN + 2)[0], frame[ETH_HLEN + 9]
        if proto != IPPROTO_TCP:
            return None
        tcp_len = total - ihl
        addrs = bytes(frame[ETH_HLEN + 12:ETH_HLEN + 20])
        return ETH_HLEN + ihl, tcp_len, addrs + struct.pack("!BBH", 0, IPPROTO_TCP, tcp_len)
    if ethertype == ETHERTYPE_IPV6 and len(frame) >= ETH_HLEN + 40:
        if frame[ETH_HLEN + 6] != IPPROTO_TCP:  # no extension headers on these paths
            return None
        tcp_len = struct.unpack_from("!H", frame, ETH_HLEN + 4)[0]
        addrs = bytes(frame[ETH_HLEN + 8:ETH_HLEN + 40])
        return ETH_HLEN + 40, tcp_len, addrs + struct.pack("!IxxxB", tcp_len, IPPROTO_TCP)
    return None


def payload_length(frame):
    segment = tcp_segment_of(frame)
    if segment is None:
        return 0
    start, tcp_len, _ = segment
    return tcp_len - (frame[start + 12] >> 4) * 4


def corrupt(frame):
    """Flip the middle payload byte of a TCP segment and fix its TCP checksum."""
    frame = bytearray(frame)
    start, tcp_len, pseudo = tcp_segment_of(frame)
    data_offset = (frame[start + 12] >> 4) * 4
    frame[start + data_offset + (tcp_len - data_offset) // 2] ^= 0xFF
    struct.pack_into("!H", frame, start + 16, 0)
    checksum = 0xFFFF & ~ones_complement_sum(pseudo + bytes(frame[start:start + tcp_len]))
    struct.pack_into("!H", frame, start + 16, checksum)
    return bytes(frame)


def open_if(name):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4 << 20)
    s.bind((name, 0))
    s.setblocking(False)
    return s


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--pair", action="append", required=True, help="IF_A:IF_B:DELAY_MS")
    p.add_argument("--corrupt", metavar="IF:N", help="flip a payload byte of the N-th TCP data segment received on IF")
    p.add_argument("--timeout", type=float, default=120.0)
    args = p.parse_args()
    corrupt_if, corrupt_nth = (args.corrupt.split(":") if args.corrupt else (None, "0"))
    corrupt_nth = int(corrupt_nth)
    data_segments = 0

    routes = {}   # receiving socket -> (sending socket, delay seconds, queue)
    corrupt_rx = None
    for spec in args.pair:
        a, b, ms = spec.split(":")
        sa, sb = open_if(a), open_if(b)
        corrupt_rx = sa if a == corrupt_if else sb if b == corrupt_if else corrupt_rx
        delay = float(ms) / 1000.0
        routes[sa] = (sb, delay, collections.deque())
        routes[sb] = (sa, delay, collections.deque())

    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    deadline = time.monotonic() + args.timeout
    print(f"delay_bridge: {', '.join(args.pair)}", file=sys.stderr, flush=True)
    forwarded = 0
    while not stop and time.monotonic() < deadline:
        now = time.monotonic()
        # send everything that is due
        wait = 0.5
        for rx, (tx, _, queue) in routes.items():
            while queue and queue[0][0] <= now:
                _, frame = queue.popleft()
                try:
                    tx.send(frame)
                    forwarded += 1
                except OSError:
                    pass  # a full queue (tbf) behaves like a drop
            if queue:
                wait = min(wait, queue[0][0] - now)
        try:
            ready, _, _ = select.select(list(routes), [], [], max(wait, 0.0))
        except InterruptedError:
            continue
        now = time.monotonic()
        for rx in ready:
            tx, delay, queue = routes[rx]
            while True:
                try:
                    frame, addr = rx.recvfrom(65535)
                except (BlockingIOError, InterruptedError):
                    break
                if addr[2] == PACKET_OUTGOING:
                    continue  # our own transmissions
                if rx is corrupt_rx and payload_length(frame) > 0:
                    data_segments += 1
                    if data_segments == corrupt_nth:
                        frame = corrupt(frame)
                        print(f"delay_bridge: flipped a payload byte of data segment {corrupt_nth} "
                              f"from {corrupt_if}", file=sys.stderr, flush=True)
                queue.append((now + delay, frame))
    print(f"delay_bridge: forwarded {forwarded} frames", file=sys.stderr, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
