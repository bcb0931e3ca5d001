#!/usr/bin/env bash
# Writes the expected outputs of mptcpscope-cli on every capture in samples/, one file per
# line of tests/golden/cases.tsv, to tests/golden/<capture file name>/. Review the
# `git diff tests/golden` it leaves, then commit it with the change that caused it.
#
#   tests/golden/regenerate.sh                  builds build/app/mptcpscope-cli, then writes
#   tests/golden/regenerate.sh --cli PATH --out DIR   (how the schema test gets fresh outputs)
#
# Outputs hold nothing of this machine: the JSON `file` is the capture's name without its
# folder, times come from the capture, and this script and tests/tst_golden.cpp both run from
# the repository root on samples/<name> (tst_golden also fails on an absolute path).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

cli=""
out="tests/golden"
while (($#)); do
    case "$1" in
    --cli) cli="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 [--cli PATH] [--out DIR]" >&2; exit 2 ;;
    esac
done
if [[ -z "$cli" ]]; then
    cmake --build build --target mptcpscope-cli >/dev/null
    cli="build/app/mptcpscope-cli"
fi
[[ -x "$cli" ]] || { echo "$0: $cli is not an executable" >&2; exit 2; }

# The test runs with the same environment (tests/CMakeLists.txt): C locale digits, English.
export LC_ALL=C.UTF-8 LANGUAGE=
errors="$(mktemp)"
trap 'rm -f "$errors"' EXIT

run() { # run OUTPUT ARGS...: writes the CLI's standard output to OUTPUT
    local output="$1"
    shift
    if ! "$cli" "$@" >"$output" 2>"$errors"; then
        echo "$0: mptcpscope-cli $* failed:" >&2
        cat "$errors" >&2
        exit 1
    fi
}

ids() { # ids tcp|mptcp SAMPLE: the tcp.stream numbers or mptcp.stream ids of the capture
    if [[ "$1" == tcp ]]; then
        "$cli" list-tcp "$2" 2>/dev/null | sed -n 's/^tcp\.stream \([0-9][0-9]*\):.*/\1/p'
    else
        "$cli" list-mptcp "$2" 2>/dev/null | sed -n 's/^mptcp\.stream \([0-9][0-9]*\) .*/\1/p'
    fi
}

mkdir -p "$out"
shopt -s nullglob
samples=(samples/*.pcap samples/*.pcapng)
((${#samples[@]})) || { echo "$0: no capture in samples/" >&2; exit 1; }
kept=()
for sample in "${samples[@]}"; do
    name="$(basename "$sample")"
    kept+=("$name")
    rm -rf "${out:?}/$name"
    mkdir -p "$out/$name"
    pair="" # samples/X_server.EXT of samples/X_client.EXT: the cases with {pair} run on pairs only
    [[ "$sample" == *_client.* ]] && pair="${sample/_client./_server.}"
    [[ -n "$pair" && -f "$pair" ]] || pair=""
    while IFS=$'\t' read -r output args _schema; do
        [[ -z "$output" || "$output" == \#* ]] && continue
        [[ "$args" == *"{pair}"* && -z "$pair" ]] && continue
        args="${args//\{sample\}/$sample}"
        args="${args//\{pair\}/$pair}"
        placeholder=""
        [[ "$args" == *"{tcp}"* ]] && placeholder=tcp
        [[ "$args" == *"{mptcp}"* ]] && placeholder=mptcp
        if [[ -z "$placeholder" ]]; then
            read -ra words <<<"$args"
            run "$out/$name/$output" "${words[@]}"
            continue
        fi
        for id in $(ids "$placeholder" "$sample"); do
            read -ra words <<<"${args//\{$placeholder\}/$id}"
            run "$out/$name/${output//\{$placeholder\}/$id}" "${words[@]}"
        done
    done <tests/golden/cases.tsv
done

# Outputs of captures no longer in samples/ go.
for dir in "$out"/*/; do
    name="$(basename "$dir")"
    [[ " ${kept[*]} " == *" $name "* ]] || rm -rf "${out:?}/$name"
done
echo "$out: ${#samples[@]} captures, $(find "$out" -mindepth 2 -type f | wc -l) outputs"
