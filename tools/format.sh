#!/usr/bin/env bash
# The C++ sources in the style of .clang-format (clang-format 14, as on Debian bookworm):
#   tools/format.sh check [BASE]  fail when a file is not formatted: every tracked C++ file,
#                                 or only those changed since the git revision BASE (CI: all)
#   tools/format.sh apply [BASE]  format them in place
# CLANG_FORMAT names another binary; another major version than 14 may format differently.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

clang_format=${CLANG_FORMAT:-$(command -v clang-format-14 || command -v clang-format || true)}
if [ -z "$clang_format" ]; then
    echo "format: clang-format not found (Debian: apt-get install clang-format)" >&2
    exit 2
fi
version=$("$clang_format" --version | sed -n 's/.*version \([0-9]*\).*/\1/p')
[ "$version" = 14 ] || echo "format: $clang_format is version $version; the style is checked with 14" >&2

sources() {
    if [ -n "${1:-}" ]; then
        git diff --name-only -z --diff-filter=ACMR "$1" -- '*.cpp' '*.h'
    elif git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        git ls-files -z -- '*.cpp' '*.h'
    else # an unpacked archive
        find app bench core tests -type f \( -name '*.cpp' -o -name '*.h' \) -print0
    fi
}

case "${1:-}" in
    check)
        if ! sources "${2:-}" | xargs -0 -r "$clang_format" --dry-run --Werror; then
            echo "format: the files above differ from .clang-format; tools/format.sh apply fixes them" >&2
            exit 1
        fi
        ;;
    apply)
        sources "${2:-}" | xargs -0 -r "$clang_format" -i
        ;;
    *)
        echo "usage: $0 check [BASE] | apply [BASE]" >&2
        exit 2
        ;;
esac
