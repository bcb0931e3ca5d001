#!/usr/bin/env bash
# Times, in one run and on the same files, what reading a large capture costs at each level:
# dd, a bare libpcap loop (pcap_open_offline, then fopen + a 1 MiB stdio buffer), the CLI's
# `summary --json`, the GUI's load path without a window, and tshark's MPTCP analysis (on a
# slice, extrapolated). See bench/README.md for what each line means and for the results.
#
#   bench/run.sh DIR [--runs N] [--sizes "0.25 0.5 1 2"] [--connections N] [--sample FILE]
#                    [--tshark-runs N] [--slice-mb MB] [--build DIR] [--no-many] [--no-tshark]
#
# DIR receives the generated captures (about 3.75 GB for the default sizes, 2.5 GB for the
# many-connections one) and results.md; captures already there are reused when their
# description (.json beside them) matches. Needs /usr/bin/time (Debian: time) and python3;
# tshark and editcap (Debian: tshark, wireshark-common) for the tshark line.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

usage() {
    sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

(($#)) || usage
dir="$1"
shift
runs=5
sizes="0.25 0.5 1 2"
connections=100000
sample="$root/samples/a_two_subflows_upload.pcap"
tshark_runs=1
slice_mb=100
build="$root/build"
many=1
tshark_wanted=1
while (($#)); do
    case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --sizes) sizes="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --sample) sample="$2"; shift 2 ;;
    --tshark-runs) tshark_runs="$2"; shift 2 ;;
    --slice-mb) slice_mb="$2"; shift 2 ;;
    --build) build="$2"; shift 2 ;;
    --no-many) many=0; shift ;;
    --no-tshark) tshark_wanted=0; shift ;;
    *) usage ;;
    esac
done
[[ -x /usr/bin/time ]] || { echo "$0: /usr/bin/time is missing (Debian: apt-get install time)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "$0: python3 is missing" >&2; exit 2; }
have_tshark=0
if ((tshark_wanted)) && command -v tshark >/dev/null && command -v editcap >/dev/null; then
    have_tshark=1
fi

cmake --build "$build" --target bench_make_capture bench_pcap_loop bench_capture_loader mptcpscope-cli >/dev/null
make_capture="$build/bench/bench_make_capture"
pcap_loop="$build/bench/bench_pcap_loop"
capture_loader="$build/bench/bench_capture_loader"
cli="$build/app/mptcpscope-cli"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export SPDLOG_LEVEL=error LC_ALL=C.UTF-8

log() { printf '%s\n' "$*" >&2; }

# generate NAME MODE SAMPLE OPTIONS...: DIR/NAME.pcap from bench_make_capture, described in
# DIR/NAME.json; kept when an earlier run made it with the same arguments.
generate() {
    local name="$1" mode="$2" from="$3"
    shift 3
    local pcap="$dir/$name.pcap" description="$dir/$name.json" arguments="$mode $from $*"
    if [[ -f "$pcap" && -f "$description" && "$(cat "$description.args" 2>/dev/null)" == "$arguments" ]]; then
        return
    fi
    log "generating $pcap"
    "$make_capture" "$mode" "$from" "$pcap" "$@" >"$description.tmp"
    mv "$description.tmp" "$description"
    printf '%s' "$arguments" >"$description.args"
}

summary_of() { "$cli" summary "$1" --json; }

# check NAME: the capture loads without warnings, with as many packets as were written and
# (long captures) the data bytes of the sample plus those the generator added.
check() {
    local name="$1"
    summary_of "$dir/$name.pcap" >"$scratch/summary.json"
    python3 - "$dir/$name.json" "$scratch/summary.json" "$scratch/sample.json" <<'EOF'
import json, sys
made, got, sample = (json.load(open(p)) for p in sys.argv[1:4])
problems = []
if got["packets"] != made["frames"]:
    problems.append(f"{got['packets']} packets, {made['frames']} written")
if got.get("warnings"):
    problems.append(f"warnings: {got['warnings'][:3]}")
if made["mode"] == "long":
    for d in ("c2s", "s2c"):
        want = sample["mptcp"][0]["data_bytes"][d] + made["extra_data_bytes"][d]
        have = got["mptcp"][0]["data_bytes"][d]
        if have != want:
            problems.append(f"data_bytes {d} {have}, expected {want}")
else:
    tcp = len(got["tcp"]); mptcp = len(got["mptcp"])
    if tcp != made["tcp_connections"] or mptcp != made["mptcp_connections"]:
        problems.append(f"{tcp} TCP / {mptcp} MPTCP connections, expected "
                        f"{made['tcp_connections']} / {made['mptcp_connections']}")
if problems:
    sys.exit(f"{made['output']}: " + "; ".join(problems))
print(f"  checked: {got['packets']} packets, no warnings", file=sys.stderr)
EOF
}

# measure LABEL FILE COMMAND...: RUNS runs of COMMAND; appends "label file wall cpu rss" lines.
measure() {
    local label="$1" file="$2"
    shift 2
    local i
    for ((i = 0; i < runs; i++)); do
        /usr/bin/time -f '%e %U %S %M' -o "$scratch/time" "$@" >/dev/null 2>"$scratch/err" ||
            { cat "$scratch/err" >&2; exit 1; }
        read -r wall user sys rss <"$scratch/time"
        printf '%s %s %s %s %s\n' "$label" "$file" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$rss" >>"$scratch/samples"
    done
}

tshark_analysis=(tshark -n -q -o mptcp.analyze_mptcp:TRUE -o mptcp.analyze_mappings:TRUE
    -o mptcp.intersubflows_retransmission:TRUE -o tcp.analyze_sequence_numbers:TRUE -z expert -r)

# tshark_slice FILE: tshark's one-pass MPTCP analysis of the first SLICE_MB of FILE, timed
# like the others, and of its first packet alone (tshark's start-up); the time after start-up
# is extrapolated to the whole file by packet count.
tshark_slice() {
    local file="$1" packets slice_packets
    packets="$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['frames'])" "${file%.pcap}.json")"
    slice_packets="$(python3 -c "import os,sys; f,p,mb=sys.argv[1],int(sys.argv[2]),int(sys.argv[3]); print(max(1, min(p, p*mb*10**6//os.path.getsize(f))))" "$file" "$packets" "$slice_mb")"
    editcap -r "$file" "$scratch/slice.pcap" "1-$slice_packets" 2>/dev/null
    editcap -r "$file" "$scratch/first.pcap" 1 2>/dev/null
    local saved=$runs
    runs=$tshark_runs
    measure tshark-start "$file" "${tshark_analysis[@]}" "$scratch/first.pcap"
    measure tshark-slice "$file" "${tshark_analysis[@]}" "$scratch/slice.pcap"
    runs=$saved
    printf '%s %s %s\n' "$file" "$slice_packets" "$(stat -c %s "$scratch/slice.pcap")" >>"$scratch/slices"
}

bench_file() {
    local file="$1"
    log "timing $file ($runs runs)"
    dd if="$file" of=/dev/null bs=1M 2>/dev/null # into the page cache
    measure dd "$file" dd if="$file" of=/dev/null bs=1M
    measure loop-open-offline "$file" "$pcap_loop" --mode open-offline "$file"
    measure loop-fopen-1MiB "$file" "$pcap_loop" --mode fopen --buffer 1048576 "$file"
    measure cli-summary "$file" "$cli" summary "$file" --json
    measure gui-loader "$file" "$capture_loader" "$file"
    if ((have_tshark)); then tshark_slice "$file"; fi
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
summary_of "$sample" >"$scratch/sample.json"
files=()
for size in $sizes; do
    name="long-${size}G"
    generate "$name" long "$sample" --size "${size}G"
    check "$name"
    files+=("$dir/$name.pcap")
done
if ((many)); then
    name="many-$connections"
    generate "$name" many "$sample" --connections "$connections"
    check "$name"
    files+=("$dir/$name.pcap")
fi
: >"$scratch/samples"
: >"$scratch/slices"
for file in "${files[@]}"; do
    bench_file "$file"
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$scratch/samples" "$scratch/slices" "$runs" "$load_before" "$load_after" "$dir" >"$dir/results.md" <<'EOF'
import json, os, statistics, subprocess, sys, time
samples_path, slices_path, runs, load_before, load_after, folder = sys.argv[1:7]
rows = {}
for line in open(samples_path):
    label, path, wall, cpu, rss = line.split()
    rows.setdefault((path, label), []).append((float(wall), float(cpu), int(rss)))
slices = {}
for line in open(slices_path):
    path, packets, size = line.split()
    slices[path] = (int(packets), int(size))

def median(values):
    return statistics.median(values)

def cmd(*args):
    try:
        return subprocess.run(args, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return ""

lscpu = {k.strip(): v.strip() for k, _, v in (l.partition(":") for l in cmd("lscpu").splitlines())}
mem_kb = int(next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")))
disk = cmd("df", "-h", "--output=source,fstype,size", folder).splitlines()[-1:]
print(f"Measured {time.strftime('%Y-%m-%d %H:%M %Z')} on {lscpu.get('Model name', '?')}, "
      f"{lscpu.get('CPU(s)', '?')} cores, {mem_kb / 2**20:.1f} GiB RAM, files on {' '.join(disk[0].split()) if disk else '?'}; "
      f"load average {load_before} before, {load_after} after; medians of {runs} whole-process runs, "
      "files in the page cache. CPU = user + system time.\n")
print("| file | MB | packets | reader | wall s | CPU s | packets/s | MB/s | peak RSS MiB | wall ÷ fopen loop | wall ÷ dd |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
order = ["dd", "loop-open-offline", "loop-fopen-1MiB", "cli-summary", "gui-loader", "tshark-slice"]
for path in dict.fromkeys(p for p, _ in rows):
    made = json.load(open(path[:-len(".pcap")] + ".json"))
    packets = made["frames"]
    mb = os.path.getsize(path) / 1e6
    med = {label: (median([r[0] for r in v]), median([r[1] for r in v]), median([r[2] for r in v]))
           for (p, label), v in rows.items() if p == path}
    for label in order:
        if label not in med:
            continue
        wall, cpu, rss = med[label]
        name = label
        if label == "tshark-slice":
            slice_packets, slice_bytes = slices[path]
            factor = packets / slice_packets
            start_wall, start_cpu, _ = med["tshark-start"]
            name = (f"tshark, {slice_bytes / 1e6:.0f} MB slice ({wall:.2f} s, RSS {rss / 1024:.0f} MiB; "
                    f"start-up {start_wall:.2f} s), extrapolated")
            wall = start_wall + (wall - start_wall) * factor
            cpu = start_cpu + (cpu - start_cpu) * factor
            rss = None
        wall = max(wall, 0.01)  # /usr/bin/time's resolution
        loop = med.get("loop-fopen-1MiB", (None,))[0]
        dd = med.get("dd", (None,))[0]
        ratio = lambda base: f"{wall / base:.2f}" if base else "—"
        print(f"| {os.path.basename(path)} | {mb:.0f} | {packets} | {name} | {wall:.2f} | {cpu:.2f} | "
              f"{packets / wall / 1e6:.2f} M | {mb / wall:.0f} | {'—' if rss is None else f'{rss / 1024:.0f}'} | "
              f"{ratio(loop)} | {ratio(dd)} |")
EOF
cat "$dir/results.md"
