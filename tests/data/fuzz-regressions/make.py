#!/usr/bin/env python3
"""Writes the hand-made nasty inputs of tests/data/fuzz-regressions/ and expected.tsv.

Two kinds of file, both replayed by tests/tst_fuzz_regressions.cpp through both paths:
  load-*.pcap, load-*.pcapng  whole capture files, as fuzz_load reads them;
  decode-*.bin                one selector byte + one frame, as fuzz_decode reads them
                              (selector: low 6 bits = index in LINK_TYPES below,
                              top 2 bits: 0 wire length = captured, 1 wire length 0,
                              2 captured + 65536, 3 0xffffffff).
Path "load" is core::load of the file; path "decode" is the fuzz_decode harness on the file,
then core::load of its frame written twice into a pcap of its link type (a wire length of 0
is written as the captured length there). Every file states what each path must give (the
field syntax is described in expected.tsv and tests/fuzz_regression_table.h); the test prints
the whole outcome of a row that differs. A "known bug" field states the right outcome that
core does not give yet: the row is an expected failure until core is fixed.
Crash inputs saved from the fuzzers (libFuzzer -minimize_crash=1) are not written here, but
their expectations are (see saved_from_fuzzer at the end).
Run from anywhere: python3 tests/data/fuzz-regressions/make.py
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
LINK_TYPES = ['EN10MB', 'LINUX_SLL', 'LINUX_SLL2', 'RAW', 'IPV4', 'IPV6', 'NULL', 'LOOP', 'PPP',
              'IEEE802_11']
SELECT = {name: i for i, name in enumerate(LINK_TYPES)}

expected = {}  # (file name, path) -> list of fields


def expect(name, load, decode):
    expected[(name, 'load')] = load
    expected[(name, 'decode')] = decode


def write(name, data, load, decode):
    with open(os.path.join(HERE, name), 'wb') as f:
        f.write(data)
    expect(name, load, decode)


def saved_from_fuzzer(name, load, decode):
    assert os.path.exists(os.path.join(HERE, name)), name + ' is listed but missing'
    expect(name, load, decode)


# --- expected fields -----------------------------------------------------------------------------

def counts(packets, tcp=0, non_tcp=0, tcp_connections=0, mptcp_connections=0):
    return (f'counts: packets={packets} tcp={tcp} non_tcp={non_tcp} tcp_connections={tcp_connections} '
            f'mptcp_connections={mptcp_connections}')


def time(first_ns, last_ns):  # first: the first packet of the file; last: the latest one
    return f'time: first={first_ns} last={last_ns}'


def error(part):
    return 'error: ' + part


def warning(part):
    return 'warning: ' + part


def options(walk, tcp, mptcp):  # how the option walk ended, options it visited, of which MPTCP
    return f'options: {walk} tcp={tcp} mptcp={mptcp}'


def known_bug(why):
    return 'known bug: ' + why


T0 = 1700000000 * 10**9
MAX_NS = 4611686017 * 10**9  # timestamps are clamped to this many whole seconds either side of 1970
NOT_A_CAPTURE = [error('not a readable pcap/pcapng capture (unknown file format)')]
SHORTER_THAN_MAGIC = [error('not a readable pcap/pcapng capture (truncated dump file; '
                            'tried to read 4 file header bytes')]
# A capture file's header read as an Ethernet frame: its EtherType bytes are zero.
HEADER_AS_FRAME = ['decoded: not IP', 'ok', counts(2, non_tcp=2)]
# One lone MP_CAPABLE SYN, as its own load: a TCP connection, not yet an MPTCP one (Wireshark
# gives mptcp.stream at the SYN/ACK).
ONE_SYN = ['ok', counts(1, tcp=1, tcp_connections=1), time(T0, T0)]
TWO_SYNS = [options('ok', 1, 1), 'ok', counts(2, tcp=2, tcp_connections=1)]
MALFORMED_FRAME = ['decoded: malformed header', 'ok', counts(2), warning('2 packets: malformed header')]
SNAPSHOT_CUT_FRAME = ['decoded: headers cut by the snapshot length', 'ok', counts(2),
                      warning('2 packets: headers cut by the snapshot length')]
BAD_OPTION_LENGTH = warning('2 packets: TCP options run past the header or have a bad length')


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

write('load-empty.pcap', b'', [error('tried to read 4 file header bytes, only got 0')], ['empty input'])
write('load-truncated-header.pcap', pcap_header()[:13], [error('tried to read 24 file header bytes, only got 9')],
      SNAPSHOT_CUT_FRAME)  # 12 bytes of frame, with a wire length of 0xffffffff: cut indeed
write('load-bad-magic.pcap', b'\xde\xad\xbe\xef' + pcap_header()[4:], NOT_A_CAPTURE, HEADER_AS_FRAME)
# libpcap replaces an absurd snapshot length by its maximum: still a readable capture.
write('load-absurd-snaplen.pcap', pcap_header(snaplen=0xffffffff) + pcap_record(GOOD_FRAME), ONE_SYN,
      HEADER_AS_FRAME)
write('load-zero-snaplen.pcap', pcap_header(snaplen=0) + pcap_record(GOOD_FRAME), ONE_SYN, HEADER_AS_FRAME)
# A record claiming 4 GiB of captured bytes: libpcap refuses it, the loader must say so.
write('load-absurd-caplen.pcap',
      pcap_header() + pcap_record(GOOD_FRAME) + pcap_record(GOOD_FRAME, caplen=0xfffffff0),
      [error('after packet 1 (byte offset 114): invalid packet capture length 4294967280, bigger than snaplen')],
      HEADER_AS_FRAME)
# Captured length past the end of the file: the last packet is cut, a warning only.
write('load-caplen-past-eof.pcap',
      pcap_header() + pcap_record(GOOD_FRAME) + pcap_record(GOOD_FRAME, caplen=5000),
      ONE_SYN + [warning('the last packet is cut short after packet 1 (byte offset 172): truncated dump file; '
                         'tried to read 5000 captured bytes, only got 58')],
      HEADER_AS_FRAME)
# Captured length larger than the original length, and an original length of 0: the IPv4 total
# length is what counts, both decode.
write('load-caplen-above-len.pcap',
      pcap_header() + pcap_record(GOOD_FRAME, wirelen=20) + pcap_record(GOOD_FRAME, wirelen=0),
      ['ok', counts(2, tcp=2, tcp_connections=1), time(T0, T0)], HEADER_AS_FRAME)
# Microsecond field far beyond a second, and the latest 32-bit second. libpcap (and tshark) read
# both fields as signed: -1 s and -1 µs; the fraction below 0 is clamped to 0.
write('load-odd-timestamps.pcap',
      pcap_header() + pcap_record(GOOD_FRAME, sec=0xffffffff, frac=0xffffffff) +
      pcap_record(GOOD_FRAME, sec=0, frac=0),
      ['ok', counts(2, tcp=2, tcp_connections=1), time(-10**9, 0)], HEADER_AS_FRAME)
write('load-unsupported-linktype.pcap', pcap_header(linktype=147) + pcap_record(GOOD_FRAME),
      ['ok', counts(1), time(T0, T0), warning('link type DLT_147 is not supported: no packet decoded')],
      HEADER_AS_FRAME)

write('load-pcapng-shb-bad-length.pcapng', shb(total=12) + idb() + epb(GOOD_FRAME),
      [error('Section Header Block in pcapng dump file has invalid length 28 < _12_')], HEADER_AS_FRAME)
write('load-pcapng-shb-huge-length.pcapng', shb(total=0xfffffff0) + idb() + epb(GOOD_FRAME),
      [error('Section Header Block in pcapng dump file has invalid length 28 < _4294967280_')], HEADER_AS_FRAME)
write('load-pcapng-epb-short-length.pcapng', shb() + idb() + epb(GOOD_FRAME, total=16),
      [error("block total length in header and trailer don't match")], HEADER_AS_FRAME)
write('load-pcapng-epb-huge-length.pcapng', shb() + idb() + epb(GOOD_FRAME, total=0x7ffffff0),
      [error('pcapng block size 2147483632 > maximum')], HEADER_AS_FRAME)
write('load-pcapng-epb-unaligned-length.pcapng', shb() + idb() + epb(GOOD_FRAME, total=67),
      [error('has a length of 67 that is not a multiple of 4')], HEADER_AS_FRAME)
write('load-pcapng-epb-caplen-past-block.pcapng', shb() + idb() + epb(GOOD_FRAME, caplen=4000),
      [error('block of type 6 in pcapng dump file is too short')], HEADER_AS_FRAME)
write('load-pcapng-epb-unknown-interface.pcapng',
      shb() + idb() + pcapng_block(6, struct.pack('<IIIII', 7, 0, 0, 4, 4) + b'abcd'),
      [error("a packet arrived on interface 7, but there's no Interface Description Block")], HEADER_AS_FRAME)
# if_tsresol 10^0 (seconds): 2^62 seconds, far past 2^63 ns, the largest 64-bit timestamp
# (-1 once libpcap stores it in a time_t), and 0. The first is clamped; it stays the latest.
write('load-pcapng-huge-timestamp.pcapng',
      shb() + idb(options=option(9, b'\x00')) + epb(GOOD_FRAME, ts=2**62) +
      epb(GOOD_FRAME, ts=0xffffffffffffffff) + epb(GOOD_FRAME, ts=0),
      ['ok', counts(3, tcp=3, tcp_connections=1), time(MAX_NS, MAX_NS)], HEADER_AS_FRAME)
# if_tsoffset far in the past: negative seconds, clamped.
write('load-pcapng-negative-timestamp.pcapng',
      shb() + idb(options=option(14, struct.pack('<q', -(2**62)))) + epb(GOOD_FRAME) + epb(GOOD_FRAME),
      ['ok', counts(2, tcp=2, tcp_connections=1), time(-MAX_NS, -MAX_NS)], HEADER_AS_FRAME)

# --- single frames (fuzz_decode shape) -----------------------------------------------------------

# TCP options with a length of 0, 1 and 255 (past the 60-byte header).
for name, opts, payload in [('decode-tcp-option-len0.bin', bytes([30, 0, 0, 0]), b''),
                            ('decode-tcp-option-len1.bin', bytes([8, 1, 0, 0]), b''),
                            ('decode-tcp-option-len255.bin', bytes([30, 255, 0x20]) + b'\1' * 37, b'x' * 300)]:
    write(name, frame('EN10MB', ethernet(ipv4(tcp(opts, payload=payload)))), NOT_A_CAPTURE,
          ['decoded: TCP', options('malformed', 0, 0), 'ok', counts(2, tcp=2, tcp_connections=1), BAD_OPTION_LENGTH])
# An option area cut by the snapshot length in the middle of an MPTCP option (a DSS: the
# subflow still counts as MPTCP).
write('decode-tcp-option-cut.bin',
      frame('EN10MB', ethernet(ipv4(tcp(bytes([1, 1, 30, 20, 0x20, 0x0f]) + b'\0' * 18)))[:14 + 20 + 26],
            wire_mode=2),
      NOT_A_CAPTURE,
      ['decoded: TCP', options('cut', 0, 0), 'ok', counts(2, tcp=2, tcp_connections=1, mptcp_connections=1),
       warning('2 packets: TCP options cut by the snapshot length')])
# A data offset larger than the segment the IP header announces.
write('decode-tcp-offset-past-segment.bin', frame('RAW', ipv4(tcp(data_offset=15), total=20 + 24)),
      NOT_A_CAPTURE, MALFORMED_FRAME)


# Every MPTCP subtype with lengths one off from the valid ones, as many whole options per frame
# as 40 bytes of option area hold, padded with EOL.
def odd_option(subtype, length):
    return (bytes([30, length, subtype << 4 | 0x0f]) + b'\xff' * max(0, length - 3))[:length]


def option_areas(opts, room=40):
    areas = [b'']
    for opt in opts:
        if len(areas[-1]) + len(opt) > room:
            areas.append(b'')
        areas[-1] += opt
    return [area + b'\0' * (-len(area) % 4) for area in areas]


def malformed_mptcp(*subtype_lengths):
    return [warning(f'2 packets: malformed MPTCP option (subtype {s}, length {n})') for s, n in subtype_lengths]


ODD = [(0, 3), (0, 13), (1, 11), (2, 4), (2, 27), (3, 3), (3, 7), (3, 19), (4, 3), (5, 2), (6, 11), (7, 13),
       (8, 3), (15, 3)]
AREAS = option_areas([odd_option(s, n) for s, n in ODD])
ODD_EXPECTED = [
    [options('ok', 4, 4), 'ok', counts(2, tcp=2, tcp_connections=1, mptcp_connections=1)] +
    malformed_mptcp((0, 13), (0, 3), (1, 11), (2, 4)),
    [options('ok', 3, 3), 'ok', counts(2, tcp=2, tcp_connections=1, mptcp_connections=1)] +
    malformed_mptcp((2, 27), (3, 3), (3, 7)),
    [options('ok', 4, 4), 'ok', counts(2, tcp=2, tcp_connections=1, mptcp_connections=1)] +
    malformed_mptcp((255, 2), (3, 19), (4, 3), (6, 11)),  # 255: MP_PRIO cut before its subtype
    [options('ok', 3, 3), 'ok', counts(2, tcp=2, tcp_connections=1, mptcp_connections=1)] +
    malformed_mptcp((15, 3), (7, 13), (8, 3)),
]
assert len(AREAS) == len(ODD_EXPECTED)
for i, (area, outcome) in enumerate(zip(AREAS, ODD_EXPECTED)):
    write('decode-mptcp-odd-lengths' + (f'-{i + 1}' if i else '') + '.bin', frame('RAW', ipv4(tcp(area))),
          NOT_A_CAPTURE, ['decoded: TCP'] + outcome)
# ADD_ADDR in the RFC 6824 layout (IP version nibble) with lengths shorter than the address.
write('decode-addaddr-v0-short.bin',
      frame('RAW', ipv4(tcp(bytes([30, 4, 0x34, 1, 30, 6, 0x36, 1, 0, 0, 30, 10, 0x36]) + b'\1' * 7))),
      NOT_A_CAPTURE,
      ['decoded: TCP', options('ok', 3, 3), 'ok', counts(2, tcp=2, tcp_connections=1, mptcp_connections=1)] +
      malformed_mptcp((3, 10), (3, 4), (3, 6)))
# An IPv6 chain of 50 destination-options headers before TCP.
chain = b''
for i in range(50):
    chain += bytes([60 if i < 49 else 6, 0]) + b'\1\4\0\0\0\0'
write('decode-ipv6-50-ext-headers.bin', frame('IPV6', ipv6(chain + SYN_MPC, next_header=60)), NOT_A_CAPTURE,
      ['decoded: TCP'] + TWO_SYNS)
# Extension headers longer than the payload length, and a chain running past the capture.
write('decode-ipv6-ext-past-payload.bin',
      frame('IPV6', ipv6(bytes([6, 255]) + b'\0' * 6 + SYN_MPC, next_header=0, payload_length=30)),
      NOT_A_CAPTURE, MALFORMED_FRAME)
write('decode-ipv6-ext-past-capture.bin',
      frame('LINUX_SLL2', struct.pack('!HHIHBB', 0x86dd, 0, 1, 1, 0, 6) + b'\0' * 8 +
            ipv6(bytes([43, 200]) + b'\0' * 30, next_header=51, payload_length=4000), wire_mode=2),
      NOT_A_CAPTURE, SNAPSHOT_CUT_FRAME)
# Jumbogram / BIG TCP shape: zero IPv6 payload length, zero IPv4 total length, absurd wire length
# (the length comes from the wire length); with a wire length of 0 as well, nothing says how
# long the packet is (the pcap of the second step stores the captured length: TCP there).
write('decode-ipv6-zero-length-huge-wire.bin', frame('IPV6', ipv6(SYN_MPC, payload_length=0), wire_mode=3),
      NOT_A_CAPTURE, ['decoded: TCP'] + TWO_SYNS)
write('decode-ipv4-zero-length-huge-wire.bin', frame('IPV4', ipv4(SYN_MPC, total=0), wire_mode=3),
      NOT_A_CAPTURE, ['decoded: TCP'] + TWO_SYNS)
write('decode-ipv4-zero-length-zero-wire.bin', frame('IPV4', ipv4(SYN_MPC, total=0), wire_mode=1),
      NOT_A_CAPTURE, ['decoded: malformed header', 'ok', counts(2, tcp=2, tcp_connections=1)])
# IPv4 header length 60 with only 20 bytes in the frame, and a header length below 20.
write('decode-ipv4-ihl-past-capture.bin', frame('IPV4', ipv4(b'', ihl=15)[:20]), NOT_A_CAPTURE,
      MALFORMED_FRAME)
write('decode-ipv4-ihl-too-small.bin', frame('IPV4', bytes([0x42]) + ipv4(SYN_MPC)[1:]), NOT_A_CAPTURE,
      MALFORMED_FRAME)
# 200 stacked VLAN tags, the frame ending inside the last one.
write('decode-vlan-stack.bin',
      frame('EN10MB', ethernet(ipv4(SYN_MPC), tags=[0x8100, 0x88a8, 0x9100] * 67)[:14 + 4 * 200 - 2]),
      NOT_A_CAPTURE, MALFORMED_FRAME)
# Link headers shorter than their fixed part, and an empty frame.
write('decode-sll-short.bin', frame('LINUX_SLL', b'\0' * 15), NOT_A_CAPTURE, MALFORMED_FRAME)
write('decode-sll2-short.bin', frame('LINUX_SLL2', b'\x08\x00' + b'\0' * 17), NOT_A_CAPTURE,
      MALFORMED_FRAME)
write('decode-null-short.bin', frame('NULL', b'\2\0\0'), NOT_A_CAPTURE, MALFORMED_FRAME)
write('decode-ppp-hdlc-only.bin', frame('PPP', b'\xff\x03'), SHORTER_THAN_MAGIC,
      MALFORMED_FRAME)
write('decode-ppp-one-byte.bin', frame('PPP', b'\xff'), SHORTER_THAN_MAGIC, MALFORMED_FRAME)
write('decode-empty-frame.bin', frame('EN10MB', b''), SHORTER_THAN_MAGIC, MALFORMED_FRAME)
write('decode-unsupported-link.bin', frame('IEEE802_11', GOOD_FRAME), NOT_A_CAPTURE,
      ['decoded: unsupported link type', 'ok', counts(2),
       warning('link type IEEE802_11 is not supported: no packet decoded')])
# ICMP errors quoting TCP: the quote cut inside the TCP header (10 bytes, below the 16 that
# Wireshark needs to give it a tcp.stream), a quoted IPv4 header length below 20, and an ICMPv6
# error quoting an extension chain that runs past the quote: none is read as TCP.
QUOTED = ipv4(SYN_MPC)
NOT_TCP = ['decoded: not TCP', 'ok', counts(2, non_tcp=2)]
write('decode-icmp-quote-cut.bin', frame('IPV4', ipv4(bytes([3, 1, 0, 0, 0, 0, 0, 0]) + QUOTED[:20 + 10], proto=1)),
      NOT_A_CAPTURE, NOT_TCP)
write('decode-icmp-quote-bad-ihl.bin',
      frame('IPV4', ipv4(bytes([11, 0, 0, 0, 0, 0, 0, 0]) + bytes([0x42]) + QUOTED[1:], proto=1)),
      NOT_A_CAPTURE, NOT_TCP)
write('decode-icmpv6-quote-ext-chain.bin',
      frame('IPV6', ipv6(bytes([1, 4, 0, 0, 0, 0, 0, 0]) +
                         ipv6(bytes([60, 10]) + b'\0' * 20, next_header=0, payload_length=400),
                         next_header=58)),
      NOT_A_CAPTURE, NOT_TCP)

# --- inputs saved from the fuzzers ---------------------------------------------------------------

# A pcapng whose one packet has a timestamp past 2^63 ns (clamped, with its fraction) and a
# bogus IP version.
saved_from_fuzzer('load-timestamp-overflow.bin',
                  ['ok', counts(1), time(MAX_NS + 260292000, MAX_NS + 260292000),
                   warning('1 packet: malformed header')],
                  HEADER_AS_FRAME)

with open(os.path.join(HERE, 'expected.tsv'), 'w') as f:
    f.write('# Written by make.py: what each input gives on each replay path (tests/tst_fuzz_regressions.cpp).\n'
            '# file, path ("load": core::load of the file; "decode": the fuzz_decode harness on it, then its\n'
            '# frame loaded twice in a pcap), then one field per fact, in this order:\n'
            '#   empty input                      (decode) no selector byte\n'
            '#   decoded: <status>                (decode) core::describe of the decode status\n'
            '#   options: <walk> tcp=N mptcp=N    (decode, TCP) end of the option walk, options visited\n'
            '#   ok | error: <part of the error>  the load\n'
            '#   counts: ...                      packets, TCP and non-TCP packets, connections\n'
            '#   time: first=<ns> last=<ns>       (load) first packet, latest packet\n'
            '#   warning: <part of one line>      each warning line of the load, in order, no more\n'
            '#   known bug: <why>                 the fields are the right outcome; core does not give\n'
            '#                                    it yet, so the row is an expected failure\n')
    for (name, path) in sorted(expected):
        f.write('\t'.join([name, path] + expected[(name, path)]) + '\n')
