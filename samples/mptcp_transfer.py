#!/usr/bin/env python3
"""Tiny bounded bulk-transfer tool over MPTCP (or plain TCP), used by record.sh.

Server:  mptcp_transfer.py server --bind ADDR --port P --mode upload --bytes N [--conns K] [--plain]
Client:  mptcp_transfer.py client --connect ADDR --port P --mode upload --bytes N [--plain]

Modes (seen from the client): upload = client sends N bytes to the server,
download = server sends N bytes to the client, both = each side sends N bytes
at the same time.  A side that has nothing to send waits for the peer's EOF
before closing, so connections close cleanly (the sender's FIN/DATA_FIN first).
Both sides check the byte count they received and exit non-zero on a mismatch.
--duration spreads the sending over that many seconds (paced in chunks), so a
small transfer lasts long enough for path-manager events during it.
Everything has timeouts: nothing can hang longer than --timeout seconds.
"""
import argparse
import os
import signal
import socket
import sys
import threading
import time

IPPROTO_MPTCP = getattr(socket, "IPPROTO_MPTCP", 262)
CHUNK = 16384


def log(msg):
    print(f"[mptcp_transfer {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def family_of(addr):
    return socket.AF_INET6 if ":" in addr else socket.AF_INET


def make_socket(addr, plain):
    proto = 0 if plain else IPPROTO_MPTCP
    return socket.socket(family_of(addr), socket.SOCK_STREAM, proto)


def send_all(sock, nbytes, duration):
    """Send nbytes (a repeating byte pattern), paced over duration seconds."""
    pattern = bytes(range(256)) * (CHUNK // 256)
    sent = 0
    start = time.monotonic()
    while sent < nbytes:
        n = min(CHUNK, nbytes - sent)
        sock.sendall(pattern[:n])
        sent += n
        if duration > 0 and sent < nbytes:
            due = start + duration * sent / nbytes
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
    return sent


def recv_all(sock):
    total = 0
    while True:
        data = sock.recv(65536)
        if not data:
            return total
        total += len(data)


def exchange(sock, send_bytes, expect_bytes, duration, name):
    """Send send_bytes and receive until EOF; return True when counts are right."""
    result = {}

    def sender():
        try:
            result["sent"] = send_all(sock, send_bytes, duration)
            sock.shutdown(socket.SHUT_WR)
        except OSError as exc:  # reported below
            result["error"] = exc

    if send_bytes > 0:
        thread = threading.Thread(target=sender, daemon=True)
        thread.start()
        received = recv_all(sock)
        thread.join()
    else:
        # nothing to send: wait for the peer's EOF, then close (peer FINs first)
        received = recv_all(sock)
        result["sent"] = 0
        sock.shutdown(socket.SHUT_WR)
    if "error" in result:
        log(f"{name}: send error: {result['error']}")
        return False
    ok = received == expect_bytes
    log(f"{name}: sent {result['sent']} received {received} (expected {expect_bytes})"
        f"{'' if ok else ' MISMATCH'}")
    return ok


def quotas(mode, nbytes, is_client):
    up = nbytes if mode in ("upload", "both") else 0
    down = nbytes if mode in ("download", "both") else 0
    return (up, down) if is_client else (down, up)


def run_server(args):
    srv = make_socket(args.bind, args.plain)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.settimeout(args.timeout)
    srv.bind((args.bind, args.port))
    srv.listen(16)
    log(f"server {'TCP' if args.plain else 'MPTCP'} listening on [{args.bind}]:{args.port}, "
        f"{args.conns} connection(s), mode {args.mode}, {args.bytes} bytes")
    send_bytes, expect_bytes = quotas(args.mode, args.bytes, is_client=False)
    oks = []
    threads = []

    def handle(conn, peer):
        conn.settimeout(args.timeout)
        with conn:
            oks.append(exchange(conn, send_bytes, expect_bytes, args.duration, f"server<-{peer[0]}"))

    for _ in range(args.conns):
        conn, peer = srv.accept()
        t = threading.Thread(target=handle, args=(conn, peer), daemon=True)
        t.start()
        threads.append(t)
    for t in threads:
        t.join(args.timeout)
    srv.close()
    return 0 if len(oks) == args.conns and all(oks) else 1


def run_client(args):
    sock = make_socket(args.connect, args.plain)
    sock.settimeout(args.timeout)
    if args.source:
        sock.bind((args.source, 0))
    sock.connect((args.connect, args.port))
    send_bytes, expect_bytes = quotas(args.mode, args.bytes, is_client=True)
    with sock:
        ok = exchange(sock, send_bytes, expect_bytes, args.duration, f"client->{args.connect}")
    return 0 if ok else 1


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("role", choices=["server", "client"])
    p.add_argument("--bind", default="0.0.0.0", help="server: address to listen on")
    p.add_argument("--connect", help="client: server address")
    p.add_argument("--source", help="client: local address to bind to")
    p.add_argument("--port", type=int, default=5201)
    p.add_argument("--mode", choices=["upload", "download", "both"], default="upload")
    p.add_argument("--bytes", type=int, default=200_000)
    p.add_argument("--conns", type=int, default=1, help="server: connections to serve")
    p.add_argument("--duration", type=float, default=0.0, help="pace sending over this many seconds")
    p.add_argument("--plain", action="store_true", help="plain TCP instead of MPTCP")
    p.add_argument("--timeout", type=float, default=30.0)
    args = p.parse_args()
    if args.bytes < 0 or args.bytes > 4_000_000:
        p.error("--bytes must be between 0 and 4000000")
    if args.role == "client" and not args.connect:
        p.error("client needs --connect")
    # hard upper bound on the whole run, whatever happens
    signal.signal(signal.SIGALRM, lambda *_: (log("timeout"), os._exit(3)))
    signal.alarm(int(args.timeout) + 5)
    try:
        return run_server(args) if args.role == "server" else run_client(args)
    except OSError as exc:
        log(f"{args.role}: {exc}")
        return 2


if __name__ == "__main__":
    sys.exit(main())
