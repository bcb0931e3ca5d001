#!/usr/bin/env bash
# core/ is layered: a folder may include only its own headers and those of folders before it
# in this list. Prints every include that points the wrong way and fails if there is one.
set -euo pipefail
core=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../core" && pwd)}
layers=(model capture crypto decode metrics assemble series compare load)

rank() {
    local i
    for i in "${!layers[@]}"; do [ "${layers[$i]}" = "$1" ] && { echo "$i"; return; }; done
    echo -1
}

status=0
for dir in "$core"/*/; do
    folder=$(basename "$dir")
    own=$(rank "$folder")
    [ "$own" -ge 0 ] || { echo "core/$folder is not in the layer list of $0"; status=1; continue; }
    while IFS=: read -r file line text; do
        used=$(sed -E 's/.*#include "([a-z_]+)\/.*/\1/' <<<"$text")
        if [ "$(rank "$used")" -gt "$own" ]; then
            echo "core/$folder/$(basename "$file"):$line includes $used/, a layer above $folder/"
            status=1
        fi
    done < <(grep -HnE '^#include "[a-z_]+/' "$dir"*.h "$dir"*.cpp 2>/dev/null || true)
done
exit "$status"
