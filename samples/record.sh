#!/usr/bin/env bash
# Record the small real MPTCP captures of samples/ from the Linux kernel's
# MPTCP (v1) stack, inside throw-away network namespaces.
#
#   sudo samples/record.sh            # record every sample (a..l)
#   sudo samples/record.sh a e        # record only samples a and e
#   OUT=/tmp/x samples/record.sh d    # write somewhere else
#
# Topology of every sample (names carry this script's pid, so runs never clash):
#
#   mps-<pid>-cli            mps-<pid>-mid                 mps-<pid>-srv
#   c1 10.0.1.1  ---- mc1 [bridge or delay line] ms1 ----  s1 10.0.1.2
#   c2 10.0.2.1  ---- mc2 [bridge or delay line] ms2 ----  s2 10.0.2.2
#      (IPv6: fd00:1::1 / fd00:1::2, fd00:2::1 / fd00:2::2)
#
# Path k is one Ethernet segment; the middle namespace either bridges it in the
# kernel or runs delay_bridge.py (a packet-level delay line) and shapes it with
# tc tbf.  The client routes by source address (policy routing: traffic from
# address k always leaves through path k), so every client address can reach
# every server address and a subflow's path is given by its client address.
# The capture is taken in the client namespace: tcpdump -i any (LINUX_SLL2),
# filter "tcp", snapshot length 200 (headers and options complete, payload cut).
# Sample h instead runs one tcpdump per client interface (EN10MB) and
# concatenates the two files into one pcapng with mergecap.  Sample l is a
# pair: one tcpdump in the client namespace and one in the server namespace,
# running at once (the namespaces share the host's clock).
# Offloads (GSO/TSO/GRO and TX checksum) are off on every veth end, so the
# capture shows wire-sized segments with correct checksums -- except in
# sample i, which turns them on to record GSO/TSO super-segments.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=${OUT:-$HERE}
PY=${PYTHON:-python3}
TRANSFER="$HERE/mptcp_transfer.py"
DELAY_BRIDGE="$HERE/delay_bridge.py"
SNAPLEN=200
PFX="mps-$$"
CLI="$PFX-cli"
MID="$PFX-mid"
SRV="$PFX-srv"
WORK=""
PIDS=()
ALL_SAMPLES=(a b c d e f g h i j k l)

die() { echo "record.sh: error: $*" >&2; exit 1; }
say() { echo "== $*" >&2; }

# ---------------------------------------------------------------- preflight
preflight() {
    [[ $(id -u) -eq 0 ]] || die "must run as root (network namespaces, tcpdump)"
    local t missing=()
    for t in ip tc nft tcpdump ethtool tshark capinfos editcap ss "$PY"; do
        command -v "$t" >/dev/null 2>&1 || missing+=("$t")
    done
    ((${#missing[@]} == 0)) || die "missing tools: ${missing[*]} (Debian: iproute2 nftables tcpdump ethtool tshark wireshark-common python3)"
    local en
    en=$(sysctl -n net.mptcp.enabled 2>/dev/null || echo "")
    [[ $en == 1 ]] || die "MPTCP is not enabled (net.mptcp.enabled='${en:-absent}'); need a kernel with MPTCP and 'sysctl -w net.mptcp.enabled=1'"
    ip mptcp limits show >/dev/null 2>&1 || die "'ip mptcp' not supported by this iproute2/kernel"
    "$PY" -c 'import socket; socket.socket(socket.AF_INET, socket.SOCK_STREAM, 262).close()' 2>/dev/null \
        || die "cannot open an MPTCP socket (IPPROTO_MPTCP=262) with $PY"
}

# ---------------------------------------------------------------- cleanup
kill_started() {
    local pid
    for pid in "${PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    PIDS=()
}

teardown() {
    kill_started
    local ns
    for ns in "$CLI" "$MID" "$SRV"; do
        ip netns del "$ns" 2>/dev/null || true
    done
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    teardown
    [[ -n $WORK && -d $WORK ]] && rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'echo "record.sh: interrupted" >&2; exit 130' INT TERM

# Start a background command in a namespace and remember its pid
# (ip netns exec execs the command, so $! is the command itself).
bg() {
    local ns=$1 log=$2
    shift 2
    ip netns exec "$ns" "$@" >"$log" 2>&1 &
    PIDS+=($!)
    LAST_PID=$!
}

forget() {  # forget PID: drop a pid we have waited for from the kill list
    local p keep=()
    for p in "${PIDS[@]}"; do [[ $p == "$1" ]] || keep+=("$p"); done
    PIDS=("${keep[@]}")
}

# tshark/editcap/capinfos without the "Running as user root" chatter
quiet() { "$@" 2> >(grep -v "Running as user" >&2); }

nsx() { local ns=$1; shift; ip netns exec "$ns" "$@"; }

# ---------------------------------------------------------------- topology
# setup_topo DELAY1 DELAY2 RATE [QUEUE]
#   DELAYk = one-way delay in ms on path k (0 = plain kernel bridge)
#   RATE   = tc tbf rate applied on the middle's egress of every path
#   QUEUE  = tbf latency (queue size as time at RATE), default 400ms
# OFFLOADS=on in the environment of the call turns GSO/TSO/GRO and TX checksum
# offload on (instead of off) on every veth end.  BRIDGE_ARGS (extra
# delay_bridge.py arguments) puts the delay line in the middle even when both
# delays are 0.
setup_topo() {
    local d1=$1 d2=$2 rate=$3 queue=${4:-400ms} offl=${OFFLOADS:-off} ns k
    [[ $offl == on || $offl == off ]] || die "OFFLOADS must be on or off, not '$offl'"
    teardown
    rm -f "$WORK"/*.log
    for ns in "$CLI" "$MID" "$SRV"; do
        ip netns add "$ns"
        nsx "$ns" ip link set lo up
        nsx "$ns" sysctl -qw net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0
        nsx "$ns" sysctl -qw net.mptcp.enabled=1
    done
    nsx "$MID" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
    for k in 1 2; do
        ip link add "c$k" netns "$CLI" type veth peer name "mc$k" netns "$MID"
        ip link add "s$k" netns "$SRV" type veth peer name "ms$k" netns "$MID"
        for ns in "$CLI:c$k" "$MID:mc$k" "$MID:ms$k" "$SRV:s$k"; do
            if [[ $offl == on ]]; then
                nsx "${ns%%:*}" ethtool -K "${ns#*:}" tx on gso on tso on gro on >/dev/null
            else
                nsx "${ns%%:*}" ethtool -K "${ns#*:}" gso off tso off gro off tx off >/dev/null 2>&1 \
                    || nsx "${ns%%:*}" ethtool -K "${ns#*:}" gso off tso off gro off >/dev/null
            fi
            nsx "${ns%%:*}" ip link set "${ns#*:}" up
        done
        nsx "$CLI" ip addr add "10.0.$k.1/24" dev "c$k"
        nsx "$CLI" ip -6 addr add "fd00:$k::1/64" dev "c$k" nodad
        nsx "$SRV" ip addr add "10.0.$k.2/24" dev "s$k"
        nsx "$SRV" ip -6 addr add "fd00:$k::2/64" dev "s$k" nodad
        # client: traffic from address k leaves through path k, to any server address
        nsx "$CLI" ip rule add from "10.0.$k.1" table "10$k"
        nsx "$CLI" ip route add "10.0.$k.0/24" dev "c$k" table "10$k"
        nsx "$CLI" ip route add default via "10.0.$k.2" dev "c$k" table "10$k"
        nsx "$CLI" ip -6 rule add from "fd00:$k::1" table "10$k"
        nsx "$CLI" ip -6 route add "fd00:$k::/64" dev "c$k" table "10$k"
        nsx "$CLI" ip -6 route add default via "fd00:$k::2" dev "c$k" table "10$k"
        if [[ $rate != 0 ]]; then
            nsx "$MID" tc qdisc add dev "mc$k" root tbf rate "$rate" burst 16kb latency "$queue"
            nsx "$MID" tc qdisc add dev "ms$k" root tbf rate "$rate" burst 16kb latency "$queue"
        fi
    done
    # (the server, and client traffic without a chosen source, use the on-link
    # routes of the main table, so replies go back through the path they came by)
    if [[ $d1 == 0 && $d2 == 0 && -z ${BRIDGE_ARGS:-} ]]; then
        for k in 1 2; do
            nsx "$MID" ip link add "br$k" type bridge forward_delay 0 mcast_snooping 0
            nsx "$MID" ip link set "mc$k" master "br$k"
            nsx "$MID" ip link set "ms$k" master "br$k"
            nsx "$MID" ip link set "br$k" up
        done
    else
        bg "$MID" "$WORK/delay_bridge.log" "$PY" "$DELAY_BRIDGE" \
            --pair "mc1:ms1:$d1" --pair "mc2:ms2:$d2" --timeout 120 ${BRIDGE_ARGS:-}
        sleep 0.5
    fi
    # both ends reachable on both paths?
    # (a TCP connect to a closed port must be refused: the RST proves the way back)
    nsx "$CLI" "$PY" - <<'EOF' || die "the paths between client and server do not work"
import socket, sys
for src, dst in [("10.0.1.1", "10.0.1.2"), ("10.0.2.1", "10.0.2.2"), ("10.0.1.1", "10.0.2.2"),
                 ("10.0.2.1", "10.0.1.2"), ("fd00:1::1", "fd00:1::2"), ("fd00:2::1", "fd00:2::2"),
                 ("fd00:1::1", "fd00:2::2"), ("fd00:2::1", "fd00:1::2")]:
    s = socket.socket(socket.AF_INET6 if ":" in src else socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(3)
    s.bind((src, 0))
    try:
        s.connect((dst, 9))
        sys.exit(f"{src} -> {dst}: unexpected connection")
    except ConnectionRefusedError:
        pass
    except OSError as exc:
        sys.exit(f"{src} -> {dst}: {exc}")
    finally:
        s.close()
EOF
}

# ---------------------------------------------------------------- helpers
# start_capture FILE [IFACE [NS]]: tcpdump in namespace NS (default: the
# client's) on IFACE (default "any": LINUX_SLL2; a veth: EN10MB).  Several
# captures may run at once (one per interface or namespace); stop_capture
# stops and checks all of them.
start_capture() {
    local file=$1 iface=${2:-any} ns=${3:-$CLI} log _
    if [[ $iface == any ]]; then log="$WORK/tcpdump.log"; else log="$WORK/tcpdump-$iface.log"; fi
    [[ $ns == "$CLI" ]] || log="${log%.log}-${ns##*-}.log"
    bg "$ns" "$log" tcpdump -i "$iface" -n -U --immediate-mode -s "$SNAPLEN" -w "$file" tcp
    CAP_FILES+=("$file")
    CAP_PIDS+=("$LAST_PID")
    CAP_LOGS+=("$log")
    for _ in $(seq 50); do
        grep -q "listening on" "$log" 2>/dev/null && return 0
        sleep 0.1
    done
    die "tcpdump did not start: $(cat "$log")"
}

stop_capture() {
    sleep 1                        # let the last ACKs/FINs/RSTs through
    local i pid log file captured received
    for pid in "${CAP_PIDS[@]}"; do
        kill -INT "$pid" 2>/dev/null || true
    done
    for i in "${!CAP_PIDS[@]}"; do
        pid=${CAP_PIDS[$i]} log=${CAP_LOGS[$i]} file=${CAP_FILES[$i]}
        wait "$pid" 2>/dev/null || true
        forget "$pid"
        grep -E "packets (captured|received|dropped)" "$log" | sed "s/^/   tcpdump ($(basename "$file")): /" >&2 || true
        grep -q "^0 packets dropped by kernel" "$log" || die "tcpdump dropped packets ($file)"
        captured=$(awk '/packets captured/ {print $1}' "$log")
        received=$(awk '/packets received by filter/ {print $1}' "$log")
        if [[ -z $captured || $captured != "$received" ]]; then
            echo "   FAILED: tcpdump wrote $captured of the $received packets it received ($file)" >&2
            VERIFY_FAILED=1
        fi
        chown "$(stat -c %u:%g "$(dirname "$file")")" "$file"   # tcpdump drops privileges
    done
    CAP_FILES=()
    CAP_PIDS=()
    CAP_LOGS=()
}

# start_server PORT ARGS... ; waits until the port listens
start_server() {
    local port=$1 _
    shift
    bg "$SRV" "$WORK/server-$port.log" "$PY" "$TRANSFER" server --port "$port" --timeout 40 "$@"
    SERVER_PIDS+=("$LAST_PID")
    for _ in $(seq 50); do
        [[ -n $(nsx "$SRV" ss -Hltn "( sport = :$port )") ]] && return 0
        sleep 0.1
    done
    die "server on port $port did not start: $(cat "$WORK/server-$port.log")"
}

start_client() {  # start_client NAME ARGS...
    local name=$1
    shift
    bg "$CLI" "$WORK/client-$name.log" "$PY" "$TRANSFER" client --timeout 40 "$@"
    CLIENT_PIDS+=("$LAST_PID")
}

wait_established() {  # wait_established PORT: until the client has a connection to PORT
    local _
    for _ in $(seq 100); do
        [[ -n $(nsx "$CLI" ss -Htn state established "( dport = :$1 )") ]] && return 0
        sleep 0.05
    done
    die "no connection to port $1"
}

wait_transfers() {  # wait_transfers [soft]: soft = a failed transfer fails the verification (retried), not the script
    local pid rc=0
    for pid in "${CLIENT_PIDS[@]}" "${SERVER_PIDS[@]}"; do
        wait "$pid" || rc=1
        forget "$pid"
    done
    cat "$WORK"/client-*.log "$WORK"/server-*.log | sed 's/^/   /' >&2
    CLIENT_PIDS=()
    SERVER_PIDS=()
    ((rc == 0)) && return 0
    [[ ${1:-} == soft ]] || die "a transfer failed"
    echo "   FAILED: a transfer failed" >&2
    VERIFY_FAILED=1
}

limits() {  # limits NS SUBFLOWS ADD_ADDR_ACCEPTED
    nsx "$1" ip mptcp limits set subflow "$2" add_addr_accepted "$3"
}

# ---------------------------------------------------------------- verification
# Prints a summary of a capture and sets:
#   V_TCP (tcp streams), V_PLAIN (tcp streams without any MPTCP option),
#   V_CONN (mptcp.stream values), V_SUBFLOWS ("conn:nsubflows ..."),
#   V_SUBTYPES (MPTCP option subtypes seen), V_RETRANS, V_REINJ
verify_summary() {
    local f=$1 fields
    fields=$(quiet tshark -r "$f" -T fields -E separator=/t -e tcp.stream -e mptcp.stream -e tcp.options.mptcp.subtype)
    V_TCP=$(awk -F'\t' '{print $1}' <<<"$fields" | sort -un | wc -l)
    V_PLAIN=$(awk -F'\t' '{s[$1]; if ($3 != "") m[$1]} END {n=0; for (k in s) if (!(k in m)) n++; print n}' <<<"$fields")
    V_CONN=$(awk -F'\t' '$2 != "" {print $2}' <<<"$fields" | sort -un | wc -l)
    V_SUBFLOWS=$(awk -F'\t' '$2 != "" {print $2, $1}' <<<"$fields" | sort -u -k1,1n -k2,2n |
        awk '{n[$1]++; l[$1] = l[$1] (l[$1] ? "," : "") $2} END {for (c in n) printf "%s:%d{%s}\n", c, n[c], l[c]}' |
        sort -n | tr '\n' ' ')
    V_SUBTYPES=$(awk -F'\t' '$3 != "" {n = split($3, a, ","); for (i = 1; i <= n; i++) print a[i]}' <<<"$fields" | sort -un | tr '\n' ' ')
    V_RETRANS=$(quiet tshark -r "$f" -Y tcp.analysis.retransmission 2>/dev/null | wc -l)
    V_REINJ=$(quiet tshark -r "$f" -o mptcp.analyze_mappings:TRUE -o mptcp.intersubflows_retransmission:TRUE \
        -Y mptcp.reinjection_of 2>/dev/null | wc -l)
    expect "smaller than 1 MB" check_size "$f"
    say "$(basename "$f"): $(capinfos -c -M "$f" | awk -F': *' '/Number of packets/ {print $2}') packets," \
        "$(stat -c %s "$f") bytes, tcp streams: $V_TCP (plain: $V_PLAIN), mptcp connections: $V_CONN," \
        "subflows per connection: ${V_SUBFLOWS:-none}, MPTCP subtypes: ${V_SUBTYPES:-none}," \
        "retransmissions: $V_RETRANS, reinjections: $V_REINJ"
}

expect() {  # expect DESCRIPTION CONDITION...
    local what=$1
    shift
    if "$@"; then
        echo "   ok: $what" >&2
    else
        echo "   FAILED: $what" >&2
        VERIFY_FAILED=1
    fi
}

has_subtype() { [[ " $V_SUBTYPES" == *" $1 "* ]]; }
check_size() { (($(stat -c %s "$1") < 1000000)); }

# ---------------------------------------------------------------- samples
# (a) one MPTCP connection, 2 subflows (one per path), upload
sample_a() {
    two_subflow_upload "$OUT/a_two_subflows_upload.pcap"
}

# The transfer of samples a and i: 2 subflows (one per path), 300 kB upload.
two_subflow_upload() {
    local f="$1"
    setup_topo 0 0 10mbit
    limits "$SRV" 2 0
    limits "$CLI" 2 0
    nsx "$CLI" ip mptcp endpoint add 10.0.2.1 dev c2 id 2 subflow
    start_capture "$f"
    start_server 5201 --bind 0.0.0.0 --mode upload --bytes 300000
    start_client up --connect 10.0.1.2 --port 5201 --mode upload --bytes 300000
    wait_transfers
    stop_capture
    verify_summary "$f"
    expect "1 MPTCP connection" test "$V_CONN" -eq 1
    expect "2 subflows, no plain TCP" test "$V_TCP" -eq 2 -a "$V_PLAIN" -eq 0
    expect "MP_CAPABLE, MP_JOIN, DSS" eval 'has_subtype 0 && has_subtype 1 && has_subtype 2'
}

# (b) 4 subflows (2 client x 2 server addresses), bidirectional, pcapng
sample_b() {
    local f="$OUT/b_four_subflows_bidir.pcapng" raw="$WORK/b.pcap"
    setup_topo 0 0 4mbit
    limits "$SRV" 4 0
    limits "$CLI" 4 1
    nsx "$SRV" ip mptcp endpoint add 10.0.2.2 dev s2 id 2 signal
    nsx "$CLI" ip mptcp endpoint add 10.0.1.1 dev c1 id 1 subflow fullmesh
    nsx "$CLI" ip mptcp endpoint add 10.0.2.1 dev c2 id 2 subflow fullmesh
    start_capture "$raw"
    start_server 5201 --bind 0.0.0.0 --mode both --bytes 300000
    start_client both --connect 10.0.1.2 --port 5201 --mode both --bytes 300000
    wait_transfers
    stop_capture
    quiet editcap -F pcapng "$raw" "$f"
    verify_summary "$f"
    local ftype
    ftype=$(capinfos -t -M "$f" 2>/dev/null | awk -F': *' '/^File type/ {print $2}')
    expect "pcapng" test "$ftype" = pcapng
    expect "1 MPTCP connection" test "$V_CONN" -eq 1
    expect "4 subflows, no plain TCP" test "$V_TCP" -eq 4 -a "$V_PLAIN" -eq 0
    expect "ADD_ADDR" has_subtype 3
    local pairs
    pairs=$(quiet tshark -r "$f" -Y "tcp.flags.syn==1 && tcp.flags.ack==0" -T fields -e ip.src -e ip.dst | sort -u | wc -l)
    expect "4 distinct (client, server) address pairs" test "$pairs" -eq 4
}

# (c) two MPTCP connections interleaved with two plain TCP connections
sample_c() {
    local f="$OUT/c_mptcp_and_tcp_mixed.pcap"
    setup_topo 0 0 2mbit
    limits "$SRV" 2 0
    limits "$CLI" 2 0
    nsx "$CLI" ip mptcp endpoint add 10.0.2.1 dev c2 id 2 subflow
    start_capture "$f"
    start_server 5201 --bind 0.0.0.0 --mode upload --bytes 150000
    start_server 5202 --bind 0.0.0.0 --mode download --bytes 150000 --plain
    start_server 5203 --bind 0.0.0.0 --mode download --bytes 150000
    start_server 5204 --bind 0.0.0.0 --mode upload --bytes 150000 --plain
    start_client m1 --connect 10.0.1.2 --port 5201 --mode upload --bytes 150000
    sleep 0.2
    start_client m2 --connect 10.0.1.2 --port 5203 --mode download --bytes 150000
    sleep 0.2
    start_client t1 --connect 10.0.1.2 --port 5202 --mode download --bytes 150000 --plain
    sleep 0.2
    start_client t2 --connect 10.0.2.2 --port 5204 --mode upload --bytes 150000 --plain
    wait_transfers
    stop_capture
    verify_summary "$f"
    expect "2 MPTCP connections" test "$V_CONN" -eq 2
    expect "6 tcp streams, 2 of them plain TCP" test "$V_TCP" -eq 6 -a "$V_PLAIN" -eq 2
}

# (d) random loss, rate limit, different delays per path (10 ms and 40 ms one
#     way) and a 1.2 s outage of path 2 during the transfer: retransmissions on
#     both subflows and reinjections (data of the stalled subflow sent again on
#     the other one)
sample_d() {
    local f="$OUT/d_loss_delay_reinjections.pcap"
    setup_topo 10 40 2mbit
    limits "$SRV" 2 0
    limits "$CLI" 2 0
    nsx "$CLI" ip mptcp endpoint add 10.0.2.1 dev c2 id 2 subflow
    # random loss at the server's input, heavier on path 2.  The output rules
    # drop nothing in effect: TCP sees the local error and sends again at once
    # (kept so that re-recording gives the same kind of capture; see sample k).
    nsx "$SRV" nft -f - <<'EOF'
table inet mps_loss {
    chain input {
        type filter hook input priority 0; policy accept;
        iifname "s1" meta l4proto tcp numgen random mod 100 < 2 drop
        iifname "s2" meta l4proto tcp numgen random mod 100 < 4 drop
    }
    chain output {
        type filter hook output priority 0; policy accept;
        oifname "s1" meta l4proto tcp numgen random mod 100 < 2 drop
        oifname "s2" meta l4proto tcp numgen random mod 100 < 4 drop
    }
}
EOF
    start_capture "$f"
    start_server 5201 --bind 0.0.0.0 --mode both --bytes 300000
    start_client both --connect 10.0.1.2 --port 5201 --mode both --bytes 300000
    wait_established 5201
    sleep 0.4
    say "path 2 outage (nft drop all on s2) for 1.2 s"
    nsx "$SRV" nft -f - <<'EOF'
table inet mps_outage {
    chain input { type filter hook input priority -10; policy accept; iifname "s2" drop; }
    chain output { type filter hook output priority -10; policy accept; oifname "s2" drop; }
}
EOF
    sleep 1.2
    nsx "$SRV" nft delete table inet mps_outage
    wait_transfers
    stop_capture
    verify_summary "$f"
    expect "1 MPTCP connection, 2 subflows" test "$V_CONN" -eq 1 -a "$V_TCP" -eq 2
    expect "retransmissions" test "$V_RETRANS" -gt 0
    expect "reinjections (tshark mptcp.reinjection_of)" test "$V_REINJ" -gt 0
}

# (e) ADD_ADDR, REMOVE_ADDR and MP_PRIO (backup) during the transfer.
#     Both sides pace their sending a little above one path's rate, so both
#     paths carry data until path 2 becomes backup, and the client is still in
#     ESTABLISHED (not yet half-closed) when the ADD_ADDR arrives: the kernel
#     opens no new subflow on an MPTCP socket that has already sent its DATA_FIN.
sample_e() {
    local f="$OUT/e_add_remove_addr_backup.pcap"
    setup_topo 0 0 2mbit 200ms
    limits "$SRV" 3 0
    limits "$CLI" 3 1
    nsx "$CLI" ip mptcp endpoint add 10.0.2.1 dev c2 id 2 subflow
    start_capture "$f"
    start_server 5201 --bind 0.0.0.0 --mode both --bytes 600000 --duration 2.0
    start_client both --connect 10.0.1.2 --port 5201 --mode both --bytes 600000 --duration 2.0
    wait_established 5201
    sleep 0.4
    say "server: endpoint add 10.0.2.2 signal (ADD_ADDR)"
    nsx "$SRV" ip mptcp endpoint add 10.0.2.2 dev s2 id 5 signal
    sleep 0.4
    say "client: endpoint 10.0.2.1 -> backup (MP_PRIO)"
    nsx "$CLI" ip mptcp endpoint change id 2 backup
    sleep 0.4
    say "server: endpoint del 10.0.2.2 (REMOVE_ADDR)"
    nsx "$SRV" ip mptcp endpoint del id 5
    wait_transfers
    stop_capture
    verify_summary "$f"
    expect "1 MPTCP connection, 3 subflows" test "$V_CONN" -eq 1 -a "$V_TCP" -eq 3
    expect "ADD_ADDR (3), REMOVE_ADDR (4), MP_PRIO (5)" eval 'has_subtype 3 && has_subtype 4 && has_subtype 5'
}

# (f) fallback to plain TCP: MPTCP client, plain TCP server
sample_f() {
    local f="$OUT/f_fallback_to_tcp.pcap"
    setup_topo 0 0 10mbit
    limits "$CLI" 2 0
    nsx "$CLI" ip mptcp endpoint add 10.0.2.1 dev c2 id 2 subflow
    start_capture "$f"
    start_server 5201 --bind 0.0.0.0 --mode download --bytes 100000 --plain
    start_client down --connect 10.0.1.2 --port 5201 --mode download --bytes 100000
    wait_transfers
    stop_capture
    verify_summary "$f"
    local syn synack
    syn=$(quiet tshark -r "$f" -Y "tcp.flags.syn==1 && tcp.flags.ack==0 && tcp.options.mptcp.subtype==0" | wc -l)
    synack=$(quiet tshark -r "$f" -Y "tcp.flags.syn==1 && tcp.flags.ack==1 && tcp.option_kind==30" | wc -l)
    local fallback=false
    [[ $syn -ge 1 && $synack -eq 0 ]] && ! has_subtype 2 && fallback=true
    expect "1 tcp stream" test "$V_TCP" -eq 1
    expect "SYN with MP_CAPABLE, SYN/ACK without MPTCP, no DSS" "$fallback"
}

# (g) IPv6, 2 subflows, download
sample_g() {
    local f="$OUT/g_ipv6_two_subflows.pcap"
    setup_topo 0 0 10mbit
    limits "$SRV" 2 0
    limits "$CLI" 2 0
    nsx "$CLI" ip mptcp endpoint add fd00:2::1 dev c2 id 2 subflow
    start_capture "$f"
    start_server 5201 --bind :: --mode download --bytes 300000
    start_client down --connect fd00:1::2 --port 5201 --mode download --bytes 300000
    wait_transfers
    stop_capture
    verify_summary "$f"
    local v4
    v4=$(quiet tshark -r "$f" -Y ip | wc -l)
    expect "IPv6 only" test "$v4" -eq 0
    expect "1 MPTCP connection, 2 subflows" test "$V_CONN" -eq 1 -a "$V_TCP" -eq 2
}

# (h) one MPTCP connection, 2 subflows, captured by two tcpdumps, one per
#     client veth (EN10MB each), and concatenated (mergecap -a, not sorted by
#     time) into a pcapng with 2 interfaces, the join subflow's interface (c2)
#     first: the MP_JOIN packets come before the MP_CAPABLE handshake in the
#     file and the timestamps go back where c1's packets begin.  "-I none"
#     keeps two interfaces: by default mergecap merges identical IDBs (two
#     pcap files with the same link type and snapshot length give one).
sample_h() {
    local f="$OUT/h_two_interfaces_unsorted.pcapng" raw1="$WORK/h-c1.pcap" raw2="$WORK/h-c2.pcap"
    setup_topo 0 0 10mbit
    limits "$SRV" 2 0
    limits "$CLI" 2 0
    nsx "$CLI" ip mptcp endpoint add 10.0.2.1 dev c2 id 2 subflow
    start_capture "$raw1" c1
    start_capture "$raw2" c2
    start_server 5201 --bind 0.0.0.0 --mode upload --bytes 200000
    start_client up --connect 10.0.1.2 --port 5201 --mode upload --bytes 200000
    wait_transfers
    stop_capture
    rm -f "$f"
    quiet mergecap -a -I none -F pcapng -w "$f" "$raw2" "$raw1"
    verify_summary "$f"
    local info ftype nif strict
    info=$(capinfos -t -E -I -o -M "$f" 2>/dev/null)
    ftype=$(awk -F': *' '/^File type/ {print $2}' <<<"$info")
    nif=$(awk -F': *' '/^Number of interfaces in file/ {print $2}' <<<"$info")
    strict=$(awk -F': *' '/^Strict time order/ {print $2}' <<<"$info")
    expect "pcapng" test "$ftype" = pcapng
    expect "2 interfaces" test "$nif" = 2
    expect "Strict time order: False" test "$strict" = False
    local encaps
    encaps=$(quiet tshark -r "$f" -T fields -e frame.interface_id -e frame.encap_type | sort -u | tr '\n' ' ')
    expect "both interfaces Ethernet (encap 1)" test "$encaps" = $'0\t1 1\t1 '
    expect "1 MPTCP connection's 2 subflows, no plain TCP" test "$V_TCP" -eq 2 -a "$V_PLAIN" -eq 0
    expect "MP_CAPABLE, MP_JOIN, DSS" eval 'has_subtype 0 && has_subtype 1 && has_subtype 2'
    # interface 0 (c2) holds only the join subflow, interface 1 (c1) only the first one
    local stray
    stray=$(quiet tshark -r "$f" -Y "(frame.interface_id == 0 && ip.addr == 10.0.1.1) || (frame.interface_id == 1 && ip.addr == 10.0.2.1)" | wc -l)
    expect "interface 0 = c2 (10.0.2.1) only, interface 1 = c1 (10.0.1.1) only" test "$stray" -eq 0
    local join cap back
    join=$(quiet tshark -r "$f" -Y "tcp.options.mptcp.subtype == 1" -T fields -e frame.number | head -1)
    cap=$(quiet tshark -r "$f" -Y "tcp.options.mptcp.subtype == 0" -T fields -e frame.number | head -1)
    back=$(quiet tshark -r "$f" -Y "frame.time_delta < 0" -T fields -e frame.number | tr '\n' ' ')
    say "first MP_JOIN frame: $join, first MP_CAPABLE frame: $cap, timestamp goes back at frame(s): ${back:-none}"
    expect "MP_JOIN before MP_CAPABLE in the file" test "${join:-0}" -ge 1 -a "${join:-0}" -lt "${cap:-0}"
    expect "timestamps go back exactly once" test "$(wc -w <<<"$back")" -eq 1
}

# (i) like a (2 subflows, upload) but with GSO/TSO/GRO and TX checksum offload
#     on every veth end: the client's tcpdump sees the TCP stack's
#     super-segments (tcp.len far above the MSS, frames above the MTU) before
#     anything segments them (the veth passes GSO packets on whole; the tbf
#     in the middle splits them).  TCP checksums of outgoing segments are
#     partial (offloaded), so they look wrong in the capture.
sample_i() {
    local f="$OUT/i_gso_supersegments.pcap"
    OFFLOADS=on two_subflow_upload "$f"
    local big maxlen maxframe
    big=$(quiet tshark -r "$f" -Y "tcp.len > 1500" | wc -l)
    maxlen=$(quiet tshark -r "$f" -T fields -e tcp.len | sort -n | tail -1)
    maxframe=$(quiet tshark -r "$f" -T fields -e frame.len | sort -n | tail -1)
    say "segments with tcp.len > 1500: $big, largest tcp.len: $maxlen, largest frame.len: $maxframe"
    expect "super-segments (tcp.len > 1500)" test "$big" -gt 0
}

# (j) DSS checksum failure and fallback to TCP (RFC 8684 section 3.7): DSS
#     checksums on both sides (net.mptcp.checksum_enabled=1) and one subflow
#     only (the kernel falls back only while a connection has a single
#     subflow; with more it resets the subflow).  Upload of 120000 bytes,
#     written at once: all of it is queued in the client's MPTCP socket before
#     the fallback (see samples/README.md for what Linux 6.18 does with data
#     written after it).  The delay line in the middle (0 ms) flips one payload
#     byte of the client's 25th data segment on path 1 and recomputes its TCP
#     checksum: TCP accepts it, the server's DSS checksum check fails, it sends
#     MP_FAIL, the client echoes MP_FAIL and sends the rest of the data under
#     an infinite mapping (DSS with data-level length 0): plain TCP from there.
#     Whether this happens depends on timing: when the MP_FAIL comes after the
#     client has sent everything, there is no fallback; when it comes with more
#     data left than the kernel sends at once, Linux 6.18 loses the rest (the
#     counts differ).  Both are recorded again, up to 10 times.
sample_j() {
    local f="$OUT/j_mp_fail_fallback.pcap" ns
    BRIDGE_ARGS="--corrupt mc1:25" setup_topo 0 0 10mbit
    for ns in "$CLI" "$SRV"; do
        nsx "$ns" sysctl -qw net.mptcp.checksum_enabled=1
        limits "$ns" 0 0
    done
    start_capture "$f"
    start_server 5201 --bind 0.0.0.0 --mode upload --bytes 120000
    start_client up --connect 10.0.1.2 --port 5201 --mode upload --bytes 120000
    wait_transfers soft
    stop_capture
    local csum_err infinite_tx
    csum_err=$(nsx "$SRV" nstat -asz MPTcpExtDataCsumErr | awk '/MPTcpExtDataCsumErr/ {print $2}')
    infinite_tx=$(nsx "$CLI" nstat -asz MPTcpExtInfiniteMapTx | awk '/MPTcpExtInfiniteMapTx/ {print $2}')
    say "server MPTcpExtDataCsumErr: $csum_err, client MPTcpExtInfiniteMapTx: $infinite_tx"
    verify_summary "$f"
    expect "1 MPTCP connection, 1 subflow" test "$V_CONN" -eq 1 -a "$V_TCP" -eq 1
    local flipped=false
    grep -q "flipped a payload byte" "$WORK/delay_bridge.log" && flipped=true
    expect "the delay line flipped a payload byte" "$flipped"
    expect "the server counted a DSS checksum error" test "${csum_err:-0}" -ge 1
    local fail_srv fail_cli infinite after
    fail_srv=$(quiet tshark -r "$f" -Y "tcp.srcport == 5201 && tcp.options.mptcp.subtype == 6" -T fields -e frame.number | head -1)
    fail_cli=$(quiet tshark -r "$f" -Y "tcp.dstport == 5201 && tcp.options.mptcp.subtype == 6" -T fields -e frame.number | head -1)
    infinite=$(quiet tshark -r "$f" -Y "tcp.dstport == 5201 && tcp.options.mptcp.datalvllen == 0 && tcp.options.mptcp.datafin.flag == 0" \
        -T fields -e frame.number | head -1)
    after=$(quiet tshark -r "$f" -Y "tcp.dstport == 5201 && tcp.len > 0 && frame.number >= ${infinite:-0}" | wc -l)
    say "server MP_FAIL: frame ${fail_srv:-none}, client MP_FAIL: frame ${fail_cli:-none}," \
        "first infinite mapping: frame ${infinite:-none}, client data segments from there: $after"
    expect "MP_FAIL from the server, then from the client" test "${fail_srv:-0}" -ge 1 -a "${fail_cli:-0}" -gt "${fail_srv:-0}"
    expect "an infinite mapping after the server's MP_FAIL (client MPTcpExtInfiniteMapTx 1)" \
        test "${infinite:-0}" -gt "${fail_srv:-0}" -a "${infinite_tx:-0}" -eq 1
    expect "data after the fallback" test "${infinite:-0}" -gt 0 -a "$after" -gt 0
}

# (k) two paths with different delays (5 ms and 30 ms one way) and a few
#     percent of random loss on both (2 % and 3 %, each way), no outage: TCP
#     retransmissions on both subflows, reinjections of data the MPTCP level
#     gave up waiting for, and two round-trip times.  Data flows both ways.
#     Client-to-server packets are dropped at the server's input (nftables,
#     inet input hook): the client-side capture has seen them (loss
#     downstream of the capture).  Server-to-client packets are dropped in the
#     middle, on their way out to the client (nftables, netdev egress hook of
#     mc1/mc2, which the delay line's sends go through): the capture never
#     sees them, and a reinjected copy may arrive before the original's own
#     retransmission.  (A drop in the server's own output hook would not do:
#     TCP sees the local error and sends the segment again at once, no loss.)
#     The kernels' counters (MPTCP-level retransmissions, duplicate data
#     received, TCP retransmitted segments) are printed with the summary.
sample_k() {
    local f="$OUT/k_lossy_paths_two_delays.pcap"
    setup_topo 5 30 4mbit
    limits "$SRV" 2 0
    limits "$CLI" 2 0
    nsx "$CLI" ip mptcp endpoint add 10.0.2.1 dev c2 id 2 subflow
    nsx "$SRV" nft -f - <<'NFT'
table inet mps_loss {
    chain input {
        type filter hook input priority 0; policy accept;
        iifname "s1" meta l4proto tcp numgen random mod 100 < 2 drop
        iifname "s2" meta l4proto tcp numgen random mod 100 < 3 drop
    }
}
NFT
    nsx "$MID" nft -f - <<'NFT'
table netdev mps_loss {
    chain to_client_1 {
        type filter hook egress device "mc1" priority 0; policy accept;
        meta protocol ip numgen random mod 100 < 2 drop
    }
    chain to_client_2 {
        type filter hook egress device "mc2" priority 0; policy accept;
        meta protocol ip numgen random mod 100 < 3 drop
    }
}
NFT
    start_capture "$f"
    start_server 5201 --bind 0.0.0.0 --mode both --bytes 400000
    start_client both --connect 10.0.1.2 --port 5201 --mode both --bytes 400000
    wait_transfers
    stop_capture
    local ns side counters
    for side in client server; do
        ns=$CLI
        [[ $side == server ]] && ns=$SRV
        counters=$(nsx "$ns" nstat -asz MPTcpExtMPTCPRetrans MPTcpExtDuplicateData TcpRetransSegs |
            awk '/^(MPTcpExt|Tcp)/ {printf "%s %s, ", $1, $2}')
        say "$side counters: ${counters%, }"
    done
    verify_summary "$f"
    expect "1 MPTCP connection, 2 subflows" test "$V_CONN" -eq 1 -a "$V_TCP" -eq 2
    local per_stream rtts
    per_stream=$(quiet tshark -r "$f" -Y tcp.analysis.retransmission -T fields -e tcp.stream | sort -u | wc -l)
    expect "retransmissions on both subflows" test "$per_stream" -eq 2
    expect "reinjections (tshark mptcp.reinjection_of)" test "$V_REINJ" -gt 0
    rtts=$(quiet tshark -r "$f" -Y tcp.analysis.initial_rtt -T fields -e tcp.stream -e ip.src -e tcp.analysis.initial_rtt |
        awk '$2 ~ /^10\.0\./ {print $1, $2, $3}' | sort -u -k1,1n | awk '{printf "stream %s (%s) %s s, ", $1, $2, $3}')
    say "initial RTT per stream: $rtts"
}

# (l) a pair: the same connection captured at both ends at once, in the client
#     namespace (l_pair_client.pcap) and in the server namespace
#     (l_pair_server.pcap), same clock (namespaces share the host's).  Two
#     paths with different one-way delays (path 1: 10 ms, path 2: 40 ms, each
#     way, from the delay line) and a few percent of random loss on both (3 %
#     on path 1, 5 % on path 2, each way), dropped in the middle namespace
#     (nftables netdev egress hooks of ms1/ms2 towards the server and mc1/mc2
#     towards the client, which the delay line's sends go through): every lost
#     packet is in its sender's capture and missing from its receiver's.
#     4 Mbit/s per path (tbf), 400000 bytes each way at the same time.  So the
#     one-way delay of a subflow is its path's delay plus queueing in the tbf,
#     never less than the configured delay; reinjections happen.
sample_l() {
    local fc="$OUT/l_pair_client.pcap" fs="$OUT/l_pair_server.pcap"
    setup_topo 10 40 4mbit
    limits "$SRV" 2 0
    limits "$CLI" 2 0
    nsx "$CLI" ip mptcp endpoint add 10.0.2.1 dev c2 id 2 subflow
    nsx "$MID" nft -f - <<'NFT'
table netdev mps_loss {
    chain to_server_1 {
        type filter hook egress device "ms1" priority 0; policy accept;
        meta protocol ip numgen random mod 100 < 3 drop
    }
    chain to_server_2 {
        type filter hook egress device "ms2" priority 0; policy accept;
        meta protocol ip numgen random mod 100 < 5 drop
    }
    chain to_client_1 {
        type filter hook egress device "mc1" priority 0; policy accept;
        meta protocol ip numgen random mod 100 < 3 drop
    }
    chain to_client_2 {
        type filter hook egress device "mc2" priority 0; policy accept;
        meta protocol ip numgen random mod 100 < 5 drop
    }
}
NFT
    say "configured: path 1 10 ms one way, 3 % loss each way; path 2 40 ms one way, 5 % loss each way; 4 Mbit/s per path"
    start_capture "$fc"
    start_capture "$fs" any "$SRV"
    start_server 5201 --bind 0.0.0.0 --mode both --bytes 400000
    start_client both --connect 10.0.1.2 --port 5201 --mode both --bytes 400000
    wait_transfers
    stop_capture
    local ns side counters
    for side in client server; do
        ns=$CLI
        [[ $side == server ]] && ns=$SRV
        counters=$(nsx "$ns" nstat -asz MPTcpExtMPTCPRetrans MPTcpExtDuplicateData TcpRetransSegs |
            awk '/^(MPTcpExt|Tcp)/ {printf "%s %s, ", $1, $2}')
        say "$side counters: ${counters%, }"
    done
    local f n_client
    verify_summary "$fc"
    n_client=$(capinfos -c -M "$fc" | awk -F': *' '/Number of packets/ {print $2}')
    expect "client: 1 MPTCP connection, 2 subflows" test "$V_CONN" -eq 1 -a "$V_TCP" -eq 2
    expect "client: reinjections (tshark mptcp.reinjection_of)" test "$V_REINJ" -gt 0
    verify_summary "$fs"
    expect "server: 1 MPTCP connection, 2 subflows" test "$V_CONN" -eq 1 -a "$V_TCP" -eq 2
    expect "server: retransmissions" test "$V_RETRANS" -gt 0
    for f in "$fc" "$fs"; do
        local lost
        lost=$(quiet tshark -r "$f" -Y "tcp.analysis.lost_segment" | wc -l)
        say "$(basename "$f"): tcp.analysis.lost_segment (gaps seen by this end): $lost"
    done
    say "packets: client capture $n_client, server capture $(capinfos -c -M "$fs" | awk -F': *' '/Number of packets/ {print $2}')"
}

# ---------------------------------------------------------------- main
main() {
    local samples=("$@") s
    ((${#samples[@]})) || samples=("${ALL_SAMPLES[@]}")
    for s in "${samples[@]}"; do
        [[ " ${ALL_SAMPLES[*]} " == *" $s "* ]] || die "unknown sample '$s' (choose from: ${ALL_SAMPLES[*]})"
    done
    preflight
    mkdir -p "$OUT"
    WORK=$(mktemp -d /tmp/mps-record.XXXXXX)
    SERVER_PIDS=()
    CLIENT_PIDS=()
    CAP_FILES=()
    CAP_PIDS=()
    CAP_LOGS=()
    local failed=()
    local attempt attempts
    for s in "${samples[@]}"; do
        # a sample with random loss may miss an event by chance: up to 3 attempts;
        # j's fallback depends on when the MP_FAIL arrives: clean in about 1 run of 3
        attempts=3
        [[ $s == j ]] && attempts=10
        for attempt in $(seq "$attempts"); do
            say "sample $s (attempt $attempt)"
            VERIFY_FAILED=0
            "sample_$s"
            ((VERIFY_FAILED == 0)) || say "sample $s: verification failed"
            teardown
            ((VERIFY_FAILED)) || break
        done
        ((VERIFY_FAILED == 0)) || failed+=("$s")
    done
    rm -f "$WORK"/*.pcap
    if ((${#failed[@]})); then
        die "verification failed for sample(s): ${failed[*]} (re-run them: $0 ${failed[*]})"
    fi
    say "all done: ${samples[*]}"
}

main "$@"
