#!/usr/bin/env python3
"""Writes the hand-made nasty inputs of tests/data/fuzz-regressions/ and expected.tsv.

Two kinds of file, both replayed by tests/tst_fuzz_regressions.cpp through both paths:
  load-*.pcap, load-*.pcapng  whole capture files, as fuzz_load reads them;
  decode-*.bin                one selector byte + one frame, as fuzz_decode reads them
                              (selector: low 6 bits = index in LINK_TYPES below,
                              top 2 bits: 0 wire length = captured, 1 wire length 0,
                              2 captured + 65536, 3 0xffffffff).
Crash inputs saved from the fuzzers (libFuzzer -minimize_crash=1) are not written here.
Run from anywhere: python3 tests/data/fuzz-regressions/make.py
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
LINK_TYPES = ['EN10MB', 'LINUX_SLL', 'LINUX_SLL2', 'RAW', 'IPV4', 'IPV6', 'NULL', 'LOOP', 'PPP',
              'IEEE802_11']
SELECT = {name: i for i, name in enumerate(LINK_TYPES)}

expected = {}  # file name -> 'ok' | 'error' for core::load of the file itself


def write(name, data, load_expectation=None):
    with open(os.path.join(HERE, name), 'wb') as f:
        f.write(data)
    if load_expectation:
        expected[name] = load_expectation


# --- packet pieces ---------------------------------------------------------------------------

def ipv4(payload, proto=6, ihl=5, total=None, src=0x0a000001, dst=0x0a000002):
    total = 4 * ihl + len(payload) if total is None else total
    header = struct.pack('!BBHHHBBHII', 0x40 | ihl, 0, total, 1, 0x4000, 64, proto, 0, src, dst)
    return header + b'\0' * (4 * ihl - 20) + payload


def ipv6(payload, next_header=6, payload_length=None):
    plen = len(payload) if payload_length is None else payload_length
    return (struct.pack('!IHBB', 0x60000000, plen, next_header, 64) + b'\xfd' + b'\0' * 14 + b'\1' +
            b'\xfd' + b'\0' * 14 + b'\2' + payload)


def tcp(options=b'', flags=0x18, payload=b'', data_offset=None, sport=40000, dport=5201):
    doff = (20 + len(options) + 3) // 4 if data_offset is None else data_offset
    return (struct.pack('!HHIIBBHHH', sport, dport, 1000, 2000, doff << 4, flags, 65535, 0, 0) +
            options + payload)


def ethernet(payload, ether_type=0x0800, tags=()):
    out = b'\x02\0\0\0\0\x01\x02\0\0\0\0\x02'
    for tag in tags:
        out += struct.pack('!HH', tag, 5)
    return out + struct.pack('!H', ether_type) + payload


def frame(link, body, wire_mode=0):
    return bytes([(wire_mode << 6) | SELECT[link]]) + body


# --- classic pcap / pcapng ---------------------------------------------------------------------

def pcap_header(linktype=1, snaplen=262144, magic=0xa1b2c3d4):
    return struct.pack('<IHHiIII', magic, 2, 4, 0, 0, snaplen, linktype)


def pcap_record(data, caplen=None, wirelen=None, sec=1700000000, frac=0):
    caplen = len(data) if caplen is None else caplen
    wirelen = len(data) if wirelen is None else wirelen
    return struct.pack('<IIII', sec, frac, caplen, wirelen) + data


def pcapng_block(block_type, body, total=None, trailer_total=None):
    pad = (-len(body)) % 4
    length = 12 + len(body) + pad
    total = length if total is None else total
    trailer_total = total if trailer_total is None else trailer_total
    return struct.pack('<II', block_type, total) + body + b'\0' * pad + struct.pack('<I', trailer_total)


def shb(total=None):
    return pcapng_block(0x0a0d0d0a, struct.pack('<IHHq', 0x1a2b3c4d, 1, 0, -1), total)


def option(code, value):
    pad = (-len(value)) % 4
    return struct.pack('<HH', code, len(value)) + value + b'\0' * pad


def idb(linktype=1, snaplen=262144, options=b''):
    if options:
        options += option(0, b'')
    return pcapng_block(1, struct.pack('<HHI', linktype, 0, snaplen) + options)


def epb(data, ts=1700000000 * 10**6, caplen=None, wirelen=None, total=None):
    caplen = len(data) if caplen is None else caplen
    wirelen = len(data) if wirelen is None else wirelen
    body = struct.pack('<IIIII', 0, ts >> 32, ts & 0xffffffff, caplen, wirelen) + data
    return pcapng_block(6, body, total)


SYN_MPC = tcp(bytes([30, 4, 0x01, 0x81]), flags=0x02)          # MP_CAPABLE v1 SYN
GOOD_FRAME = ethernet(ipv4(SYN_MPC))

# --- whole files (fuzz_load shape) ---------------------------------------------------------------

write('load-empty.pcap', b'', 'error')
write('load-truncated-header.pcap', pcap_header()[:13], 'error')
write('load-bad-magic.pcap', b'\xde\xad\xbe\xef' + pcap_header()[4:], 'error')
# libpcap replaces an absurd snapshot length by its maximum: still a readable capture.
write('load-absurd-snaplen.pcap', pcap_header(snaplen=0xffffffff) + pcap_record(GOOD_FRAME), 'ok')
write('load-zero-snaplen.pcap', pcap_header(snaplen=0) + pcap_record(GOOD_FRAME), 'ok')
# A record claiming 4 GiB of captured bytes: libpcap refuses it, the loader must say so.
write('load-absurd-caplen.pcap',
      pcap_header() + pcap_record(GOOD_FRAME) + pcap_record(GOOD_FRAME, caplen=0xfffffff0), 'error')
# Captured length past the end of the file: the last packet is cut, a warning only.
write('load-caplen-past-eof.pcap',
      pcap_header() + pcap_record(GOOD_FRAME) + pcap_record(GOOD_FRAME, caplen=5000), 'ok')
# Captured length larger than the original length, and an original length of 0.
write('load-caplen-above-len.pcap',
      pcap_header() + pcap_record(GOOD_FRAME, wirelen=20) + pcap_record(GOOD_FRAME, wirelen=0), 'ok')
# Microsecond field far beyond a second, and the latest 32-bit second.
write('load-odd-timestamps.pcap',
      pcap_header() + pcap_record(GOOD_FRAME, sec=0xffffffff, frac=0xffffffff) +
      pcap_record(GOOD_FRAME, sec=0, frac=0), 'ok')
write('load-unsupported-linktype.pcap', pcap_header(linktype=147) + pcap_record(GOOD_FRAME), 'ok')

write('load-pcapng-shb-bad-length.pcapng', shb(total=12) + idb() + epb(GOOD_FRAME), 'error')
write('load-pcapng-shb-huge-length.pcapng', shb(total=0xfffffff0) + idb() + epb(GOOD_FRAME), 'error')
write('load-pcapng-epb-short-length.pcapng', shb() + idb() + epb(GOOD_FRAME, total=16), 'error')
write('load-pcapng-epb-huge-length.pcapng', shb() + idb() + epb(GOOD_FRAME, total=0x7ffffff0), 'error')
write('load-pcapng-epb-unaligned-length.pcapng', shb() + idb() + epb(GOOD_FRAME, total=67), 'error')
write('load-pcapng-epb-caplen-past-block.pcapng', shb() + idb() + epb(GOOD_FRAME, caplen=4000), 'error')
write('load-pcapng-epb-unknown-interface.pcapng',
      shb() + idb() + pcapng_block(6, struct.pack('<IIIII', 7, 0, 0, 4, 4) + b'abcd'), 'error')
# if_tsresol 10^0 (seconds): 2^62 seconds, far past 2^63 ns, the largest 64-bit timestamp
# (-1 once libpcap stores it in a time_t), and 0.
write('load-pcapng-huge-timestamp.pcapng',
      shb() + idb(options=option(9, b'\x00')) + epb(GOOD_FRAME, ts=2**62) +
      epb(GOOD_FRAME, ts=0xffffffffffffffff) + epb(GOOD_FRAME, ts=0), 'ok')
# if_tsoffset far in the past: negative seconds.
write('load-pcapng-negative-timestamp.pcapng',
      shb() + idb(options=option(14, struct.pack('<q', -(2**62)))) + epb(GOOD_FRAME) + epb(GOOD_FRAME), 'ok')

# --- single frames (fuzz_decode shape) -----------------------------------------------------------

# TCP options with a length of 0, 1 and 255 (past the 60-byte header).
write('decode-tcp-option-len0.bin', frame('EN10MB', ethernet(ipv4(tcp(bytes([30, 0, 0, 0]))))))
write('decode-tcp-option-len1.bin', frame('EN10MB', ethernet(ipv4(tcp(bytes([8, 1, 0, 0]))))))
write('decode-tcp-option-len255.bin',
      frame('EN10MB', ethernet(ipv4(tcp(bytes([30, 255, 0x20]) + b'\1' * 37, payload=b'x' * 300)))))
# An option area cut by the snapshot length in the middle of an MPTCP option.
write('decode-tcp-option-cut.bin',
      frame('EN10MB', ethernet(ipv4(tcp(bytes([1, 1, 30, 20, 0x20, 0x0f]) + b'\0' * 18)))[:14 + 20 + 26],
            wire_mode=2))
# A data offset larger than the segment the IP header announces.
write('decode-tcp-offset-past-segment.bin',
      frame('RAW', ipv4(tcp(data_offset=15), total=20 + 24)))
# Every MPTCP subtype with lengths one off from the valid ones.
odd = b''
for subtype, length in [(0, 3), (0, 13), (1, 11), (2, 4), (2, 27), (3, 3), (3, 7), (3, 19), (4, 3),
                        (5, 2), (6, 11), (7, 13), (8, 3), (15, 3)]:
    body = bytes([30, length, subtype << 4 | 0x0f]) + b'\xff' * max(0, length - 3)
    odd += body[:length] if length >= 2 else body[:2]
write('decode-mptcp-odd-lengths.bin', frame('RAW', ipv4(tcp(odd[:40]))))
write('decode-mptcp-odd-lengths-2.bin', frame('RAW', ipv4(tcp(odd[40:80]))))
# ADD_ADDR in the RFC 6824 layout (IP version nibble) with lengths shorter than the address.
write('decode-addaddr-v0-short.bin',
      frame('RAW', ipv4(tcp(bytes([30, 4, 0x34, 1, 30, 6, 0x36, 1, 0, 0, 30, 10, 0x36]) + b'\1' * 7))))
# An IPv6 chain of 50 destination-options headers before TCP.
chain = b''
for i in range(50):
    chain += bytes([60 if i < 49 else 6, 0]) + b'\1\4\0\0\0\0'
write('decode-ipv6-50-ext-headers.bin', frame('IPV6', ipv6(chain + SYN_MPC, next_header=60)))
# Extension headers longer than the payload length, and a chain running past the capture.
write('decode-ipv6-ext-past-payload.bin',
      frame('IPV6', ipv6(bytes([6, 255]) + b'\0' * 6 + SYN_MPC, next_header=0, payload_length=30)))
write('decode-ipv6-ext-past-capture.bin',
      frame('LINUX_SLL2', struct.pack('!HHIHBB', 0x86dd, 0, 1, 1, 0, 6) + b'\0' * 8 +
            ipv6(bytes([43, 200]) + b'\0' * 30, next_header=51, payload_length=4000), wire_mode=2))
# Jumbogram / BIG TCP shape: zero IPv6 payload length, zero IPv4 total length, absurd wire length.
write('decode-ipv6-zero-length-huge-wire.bin', frame('IPV6', ipv6(SYN_MPC, payload_length=0), wire_mode=3))
write('decode-ipv4-zero-length-huge-wire.bin', frame('IPV4', ipv4(SYN_MPC, total=0), wire_mode=3))
write('decode-ipv4-zero-length-zero-wire.bin', frame('IPV4', ipv4(SYN_MPC, total=0), wire_mode=1))
# IPv4 header length 60 with only 20 bytes captured, and a header length below 20.
write('decode-ipv4-ihl-past-capture.bin', frame('IPV4', ipv4(b'', ihl=15)[:20]))
write('decode-ipv4-ihl-too-small.bin', frame('IPV4', bytes([0x42]) + ipv4(SYN_MPC)[1:]))
# 200 stacked VLAN tags, the last one cut.
write('decode-vlan-stack.bin', frame('EN10MB', ethernet(ipv4(SYN_MPC), tags=[0x8100, 0x88a8, 0x9100] * 67)[:14 + 4 * 200 - 2]))
# Link headers shorter than their fixed part.
write('decode-sll-short.bin', frame('LINUX_SLL', b'\0' * 15))
write('decode-sll2-short.bin', frame('LINUX_SLL2', b'\x08\x00' + b'\0' * 17))
write('decode-null-short.bin', frame('NULL', b'\2\0\0'))
write('decode-ppp-hdlc-only.bin', frame('PPP', b'\xff\x03'))
write('decode-ppp-one-byte.bin', frame('PPP', b'\xff'))
write('decode-unsupported-link.bin', frame('IEEE802_11', GOOD_FRAME))
write('decode-empty-frame.bin', frame('EN10MB', b''))
# ICMP errors quoting TCP: the quote cut inside the TCP header, a quoted IPv4 header length
# below 20, and an ICMPv6 error quoting an extension chain that runs past the quote.
QUOTED = ipv4(SYN_MPC)
write('decode-icmp-quote-cut.bin', frame('IPV4', ipv4(bytes([3, 1, 0, 0, 0, 0, 0, 0]) + QUOTED[:20 + 10], proto=1)))
write('decode-icmp-quote-bad-ihl.bin',
      frame('IPV4', ipv4(bytes([11, 0, 0, 0, 0, 0, 0, 0]) + bytes([0x42]) + QUOTED[1:], proto=1)))
write('decode-icmpv6-quote-ext-chain.bin',
      frame('IPV6', ipv6(bytes([1, 4, 0, 0, 0, 0, 0, 0]) +
                         ipv6(bytes([60, 10]) + b'\0' * 20, next_header=0, payload_length=400),
                         next_header=58)))

with open(os.path.join(HERE, 'expected.tsv'), 'w') as f:
    f.write('# written by make.py: file, expected outcome of core::load on the file itself\n')
    for name in sorted(expected):
        f.write(f'{name}\t{expected[name]}\n')
