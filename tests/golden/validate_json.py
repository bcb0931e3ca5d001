#!/usr/bin/env python3
"""Validates mptcpscope-cli's JSON outputs against docs/schema/mptcpscope-1.schema.json.

    validate_json.py [--cli PATH] [DIR...]

Each DIR (default: tests/golden) holds one folder per capture, as tests/golden/regenerate.sh
writes it; the schema column of tests/golden/cases.tsv says which part of the schema each
JSON file (each line of a .jsonl file) must match, and a JSON file that no case produces is
an error. With --cli, the outputs of that executable are also written afresh (by
regenerate.sh, into a temporary folder) and validated, as are the JSON Lines of one
`summary --jsonl` of every capture in MPTCPSCOPE_SHARED_CAPTURES (when that folder exists)
and the error line of a file that cannot be loaded. Exit status: 0 valid, 1 invalid, 77
(CTest's skip) without the jsonschema module (Debian: python3-jsonschema).
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

SKIP = 77
ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "docs" / "schema" / "mptcpscope-1.schema.json"
CASES = ROOT / "tests" / "golden" / "cases.tsv"

try:
    import jsonschema
except ImportError:
    print("SKIP: the python3 module jsonschema is missing (Debian: python3-jsonschema)")
    sys.exit(SKIP)


def json_cases():
    """(file name pattern, schema reference) of every JSON case of cases.tsv."""
    cases = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        output, _args, reference = line.split("\t")
        if reference == "-":
            continue
        pattern = re.escape(output).replace(r"\{tcp\}", r"\d+").replace(r"\{mptcp\}", r"\d+")
        cases.append((re.compile(pattern + "$"), reference))
    return cases


def validator_for(schema, reference):
    if reference == "#":
        return jsonschema.Draft202012Validator(schema)
    # A subschema keeps the document's $defs, so its own references still resolve.
    part = {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": reference}
    return jsonschema.Draft202012Validator(part)


def report_document(where, text, validator, error_validator=None):
    """Prints what is wrong with one JSON text; returns the number of problems. A document
    with an "error" member is checked against error_validator when one is given."""
    try:
        document = json.loads(text)
    except ValueError as error:
        print(f"{where}: not JSON: {error}")
        return 1
    if error_validator is not None and isinstance(document, dict) and "error" in document:
        validator = error_validator
    errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    for error in errors[:20]:
        inside = "/".join(map(str, error.absolute_path)) or "(document)"
        print(f"{where}: {inside}: {error.message}")
    return len(errors)


def report(path, validator):
    """Prints what is wrong with the JSON file at path; returns the number of problems."""
    return report_document(path, Path(path).read_text(encoding="utf-8"), validator)


def report_lines(where, text, validator, error_validator=None):
    """JSON Lines: one document per line, each checked as report_document does; returns the
    number of problems."""
    if not text.endswith("\n"):
        print(f"{where}: no output, or the last line does not end with a newline")
        return 1
    return sum(report_document(f"{where}:{number}", line, validator, error_validator)
               for number, line in enumerate(text.splitlines(), 1))


def validate_folder(folder, schema, cases):
    """Returns (files checked, problems)."""
    checked = problems = 0
    for path in sorted(list(Path(folder).glob("*/*.json")) + list(Path(folder).glob("*/*.jsonl"))):
        matching = [reference for pattern, reference in cases if pattern.match(path.name)]
        if len(matching) != 1:
            print(f"{path}: no case of {CASES.relative_to(ROOT)} writes this file "
                  "(rerun tests/golden/regenerate.sh)")
            problems += 1
            continue
        validator = validator_for(schema, matching[0])
        if path.suffix == ".jsonl":
            problems += report_lines(path, path.read_text(encoding="utf-8"), validator)
        else:
            problems += report(path, validator)
        checked += 1
    return checked, problems


def validate_shared_captures(cli, schema):
    """One `summary --jsonl` of every shared capture: a line per capture, in order."""
    shared = os.environ.get("MPTCPSCOPE_SHARED_CAPTURES", "")
    if not shared or not Path(shared).is_dir():
        return 0, 0
    captures = sorted(Path(shared).glob("*.pcap*"))
    if not captures:
        return 0, 0
    run = subprocess.run([cli, "summary", "--jsonl"] + [str(c) for c in captures],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    text = run.stdout.decode("utf-8")
    where = f"summary --jsonl of {shared}/*.pcap*"
    if run.returncode != 0:
        print(f"{where}: exit status {run.returncode}: {run.stderr.decode(errors='replace')}")
        return 0, 1
    problems = report_lines(where, text, validator_for(schema, "#"))
    names = [json.loads(line).get("file") for line in text.splitlines()]
    if names != [c.name for c in captures]:
        print(f"{where}: lines for {names}, expected one per capture in argument order")
        problems += 1
    return len(captures), problems


def validate_error_line(cli, schema):
    """A file that cannot be loaded gives its own line among the others, and exit status 2."""
    sample = sorted((ROOT / "samples").glob("*.pcap"))[0]
    missing = "/nonexistent/missing.pcap"
    run = subprocess.run([cli, "summary", str(sample), missing, str(sample)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    text = run.stdout.decode("utf-8")
    where = f"summary {sample.name} {missing} {sample.name}"
    problems = report_lines(where, text, validator_for(schema, "#"),
                            validator_for(schema, "#/$defs/summary_error"))
    lines = text.splitlines()
    if run.returncode != 2 or len(lines) != 3 or '"error":' not in lines[1]:
        print(f"{where}: exit status {run.returncode}, {len(lines)} lines; expected 2 and three lines, "
              "the second an error")
        problems += 1
    return 1, problems


def cut_capture(capture, output, keep):
    """Writes the last `keep` (a fraction) of a classic pcap's packets to output, as a capture
    that starts after the handshakes would be; returns False for other formats."""
    data = Path(capture).read_bytes()
    magic = data[:4]
    order = {b"\xd4\xc3\xb2\xa1": "<", b"\x4d\x3c\xb2\xa1": "<",
             b"\xa1\xb2\xc3\xd4": ">", b"\xa1\xb2\x3c\x4d": ">"}.get(magic)
    if order is None:
        return False
    records = []
    offset = 24
    while offset + 16 <= len(data):
        length = int.from_bytes(data[offset + 8:offset + 12], "little" if order == "<" else "big")
        records.append(data[offset:offset + 16 + length])
        offset += 16 + length
    Path(output).write_bytes(data[:24] + b"".join(records[int(len(records) * (1 - keep)):]))
    return True


def validate_cut_captures(cli, schema, scratch):
    """`summary --json` of the samples and shared captures cut after their handshakes: the
    fields of connections without a captured handshake."""
    shared = os.environ.get("MPTCPSCOPE_SHARED_CAPTURES", "")
    captures = sorted((ROOT / "samples").glob("*.pcap"))
    if shared and Path(shared).is_dir():
        captures += sorted(Path(shared).glob("*.pcap"))
    checked = problems = 0
    for capture in captures:
        cut = Path(scratch) / f"cut-{capture.name}"
        if not cut_capture(capture, cut, 0.4):
            continue
        output = Path(scratch) / f"cut-{capture.name}.json"
        with open(output, "wb") as out:
            run = subprocess.run([cli, "summary", str(cut), "--json"], stdout=out,
                                 stderr=subprocess.PIPE, check=False)
        if run.returncode != 0:
            print(f"{cut}: mptcpscope-cli summary failed: {run.stderr.decode(errors='replace')}")
            problems += 1
            continue
        problems += report(output, validator_for(schema, "#"))
        checked += 1
    return checked, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", help="also validate fresh outputs of this mptcpscope-cli")
    parser.add_argument("folders", nargs="*", default=[str(ROOT / "tests" / "golden")])
    arguments = parser.parse_args()

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    cases = json_cases()

    checked = problems = 0
    with tempfile.TemporaryDirectory(prefix="mptcpscope-golden-") as scratch:
        folders = list(arguments.folders)
        if arguments.cli:
            fresh = Path(scratch) / "fresh"
            subprocess.run([str(ROOT / "tests" / "golden" / "regenerate.sh"), "--cli",
                            arguments.cli, "--out", str(fresh)], check=True)
            folders.append(str(fresh))
            found, wrong = validate_shared_captures(arguments.cli, schema)
            checked, problems = checked + found, problems + wrong
            found, wrong = validate_cut_captures(arguments.cli, schema, scratch)
            checked, problems = checked + found, problems + wrong
            found, wrong = validate_error_line(arguments.cli, schema)
            checked, problems = checked + found, problems + wrong
        for folder in folders:
            found, wrong = validate_folder(folder, schema, cases)
            if found == 0:
                print(f"{folder}: no JSON output to validate")
                wrong += 1
            checked, problems = checked + found, problems + wrong
    print(f"{checked} JSON files checked against {SCHEMA.relative_to(ROOT)}: "
          f"{problems} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
