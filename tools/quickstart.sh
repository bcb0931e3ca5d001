#!/usr/bin/env bash
# One entry point for the README's quick start on Debian bookworm:
#   tools/quickstart.sh run   install what is missing, build, open the GUI on a sample
#   tools/quickstart.sh test  install what is missing, build, run the test suite (CI runs this)
#   tools/quickstart.sh asan  the same suite built with AddressSanitizer + UBSan (CI runs this too)
#   tools/quickstart.sh ci-tools  install what CI needs beyond the build (.ci/run)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

# The one list of what the project needs (the README points here). Installed without
# Recommends, so everything CMake's find_package needs is named: Qt6Charts' CMake files
# require Qt6OpenGL/Qt6OpenGLWidgets (libqt6opengl6-dev, only a Recommends of qt6-base-dev).
build_packages=(cmake ninja-build ccache g++ pkg-config
    qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools libgl-dev libpcap-dev libspdlog-dev libssl-dev
    fonts-dejavu-core)
gui_packages=(qt6-qpa-plugins qt6-translations-l10n)
# What some tests run when present (they skip without it): the JSON Schema check of every
# JSON output, and the desktop metadata validators.
test_packages=(python3 python3-jsonschema appstream desktop-file-utils)
ci_packages=(clang-format) # tools/format.sh check

install_missing() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "quickstart: installing ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

# The third-party captures used by end-to-end tests sit beside a checkout in CI;
# on a user's fresh clone they are absent and those tests skip.
if [ -z "${MPTCPSCOPE_SHARED_CAPTURES:-}" ] && [ -d "$here/../shared/captures" ]; then
    MPTCPSCOPE_SHARED_CAPTURES=$(cd "$here/../shared/captures" && pwd)
fi
export MPTCPSCOPE_SHARED_CAPTURES="${MPTCPSCOPE_SHARED_CAPTURES:-}"

case "${1:-}" in
    run)
        install_missing "${build_packages[@]}" "${gui_packages[@]}"
        cmake --workflow --preset run
        shift
        exec "$here/build/app/mptcpscope" "${@:-$here/samples/b_four_subflows_bidir.pcapng}"
        ;;
    test)
        install_missing "${build_packages[@]}" "${test_packages[@]}"
        cmake --workflow --preset ci
        ;;
    asan)
        install_missing "${build_packages[@]}" "${test_packages[@]}"
        cmake --workflow --preset asan
        ;;
    ci-tools)
        install_missing "${ci_packages[@]}"
        ;;
    *)
        echo "usage: $0 run [CAPTURE] | test | asan | ci-tools" >&2
        exit 2
        ;;
esac
