#!/usr/bin/env python3
"""Packet-level delay line between pairs of interfaces, used by record.sh.

    delay_bridge.py --pair IF_A:IF_B:DELAY_MS [--pair ...] [--timeout S]

For each pair, every Ethernet frame received on IF_A is sent out of IF_B
DELAY_MS milliseconds later, and the other way round (a two-port bridge with a
fixed one-way delay per direction; frame order is kept).  It works on whole
frames with AF_PACKET sockets, so TCP options (MPTCP) pass untouched -- unlike
a TCP proxy, which would terminate MPTCP.  Runs in its own network namespace
on interfaces that carry no addresses; stops on SIGTERM/SIGINT or after
--timeout seconds.
"""
import argparse
import collections
import select
import signal
import socket
import sys
import time

ETH_P_ALL = 0x0003
PACKET_OUTGOING = 4


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
    p.add_argument("--timeout", type=float, default=120.0)
    args = p.parse_args()

    routes = {}   # receiving socket -> (sending socket, delay seconds, queue)
    for spec in args.pair:
        a, b, ms = spec.split(":")
        sa, sb = open_if(a), open_if(b)
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
                queue.append((now + delay, frame))
    print(f"delay_bridge: forwarded {forwarded} frames", file=sys.stderr, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
