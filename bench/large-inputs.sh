#!/usr/bin/env bash
# Writes three manifests of about 20 MB each into DIR (default /tmp/flotilla-large), each a large
# ConfigMap (which `flotilla plan` only skips) followed by bench/cds/training.yaml (NodePools and
# workloads to plan):
#   configmap-line.yaml   one 21 MiB binaryData value on a single line
#   configmap-block.yaml  the same text as a literal block scalar of 76-character lines
#   configmap-keys.yaml   400,000 short data keys
# Time them with e.g. `/usr/bin/time -f "%e s %M KB" ./flotilla plan -f DIR/configmap-keys.yaml -o json`.
# The text comes from awk's seeded generator: the same on one machine, not across awk versions.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-/tmp/flotilla-large}"
mkdir -p "$dir"
training="$root/bench/cds/training.yaml"

blob() { # length, line width (0: one line), indent
  awk -v n="$1" -v w="$2" -v ind="$3" 'BEGIN {
    srand(42); a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    line = ""
    for (i = 0; i < n; i++) {
      line = line substr(a, int(rand() * 64) + 1, 1)
      if (w > 0 && length(line) == w) { print ind line; line = "" }
      else if (w == 0 && length(line) == 4096) { printf "%s", line; line = "" }
    }
    if (w > 0 && line != "") print ind line; else if (w == 0) print line
  }'
}

size=$((21 * 1024 * 1024))
{
  printf 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: huge-line}\nbinaryData:\n  blob: '
  blob "$size" 0 ""
  printf -- '---\n'
  cat "$training"
} > "$dir/configmap-line.yaml"
{
  printf 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: huge-block}\ndata:\n  blob: |\n'
  blob "$size" 76 "    "
  printf -- '---\n'
  cat "$training"
} > "$dir/configmap-block.yaml"
{
  printf 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: many-keys}\ndata:\n'
  awk 'BEGIN { for (i = 0; i < 400000; i++) printf "  key-%06d: value-%06d-abcdefghijklmnopqrstuv\n", i, i }'
  printf -- '---\n'
  cat "$training"
} > "$dir/configmap-keys.yaml"
ls -l "$dir"/configmap-*.yaml
