#!/usr/bin/env bash
# Builds libatelier-treesitter.so: the tree-sitter core and the 13 grammars compiled -O2 from the
# C sources their npm packages ship (pinned by package.json + package-lock.json beside this
# script), plus atelier_extract.c. The result is cached under ~/.cache/atelier/natives/<hash of
# the inputs>, so a rebuild with unchanged inputs only copies it.
#
# Usage: build-natives.sh OUTPUT_DIR
# Skips (exit 0, nothing copied; the parser falls back to the bonede natives) when
# ATELIER_SKIP_NATIVES is set, or gcc or npm is missing, or the build fails.
set -uo pipefail
out=${1:?usage: build-natives.sh OUTPUT_DIR}
here=$(cd "$(dirname "$0")" && pwd)
lib=libatelier-treesitter.so

skip() {
  echo "[natives] $*; skipping the optimised tree-sitter natives (the bonede fallback will parse)" >&2
  exit 0
}
[[ -n ${ATELIER_SKIP_NATIVES:-} ]] && skip "ATELIER_SKIP_NATIVES is set"
[[ $(uname -s) == Linux && $(uname -m) == x86_64 ]] || skip "not linux-x86_64"
command -v gcc >/dev/null 2>&1 || skip "gcc not found"

cache_root=${ATELIER_NATIVES_CACHE:-$HOME/.cache/atelier/natives}
hash=$(cat "$here/package.json" "$here/package-lock.json" "$here/.npmrc" "$here/atelier_extract.c" "$here/build-natives.sh" \
  | sha256sum | cut -c1-16)
cached=$cache_root/$hash
mkdir -p "$out"

if [[ ! -f $cached/$lib ]]; then
  command -v npm >/dev/null 2>&1 || skip "npm not found"
  work=$(mktemp -d "${TMPDIR:-/tmp}/atelier-natives.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  cp "$here/package.json" "$here/package-lock.json" "$here/.npmrc" "$work/"
  echo "[natives] fetching sources (npm ci --ignore-scripts)" >&2
  (cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2) || skip "npm ci failed"
  nm=$work/node_modules
  core=$nm/tree-sitter/vendor/tree-sitter/lib
  [[ -f $core/src/lib.c ]] || skip "tree-sitter core sources not found"
  grammars=(tree-sitter-java/src tree-sitter-python/src tree-sitter-javascript/src
    tree-sitter-typescript/typescript/src tree-sitter-typescript/tsx/src tree-sitter-go/src
    tree-sitter-rust/src tree-sitter-c/src tree-sitter-cpp/src tree-sitter-c-sharp/src
    tree-sitter-ruby/src tree-sitter-kotlin/src tree-sitter-php/php/src)
  jobs_file=$work/jobs
  : >"$jobs_file"
  printf '%s\t%s\t%s\n' "$core/src/lib.c" "-I$core/include -I$core/src" core.o >>"$jobs_file"
  printf '%s\t%s\t%s\n' "$here/atelier_extract.c" "-I$core/include" atelier_extract.o >>"$jobs_file"
  for g in "${grammars[@]}"; do
    [[ -f $nm/$g/parser.c ]] || skip "$g/parser.c not found"
    name=$(echo "$g" | tr '/' '_')
    for f in parser scanner; do
      [[ -f $nm/$g/$f.c ]] && printf '%s\t%s\t%s\n' "$nm/$g/$f.c" "-I$nm/$g" "${name}_$f.o" >>"$jobs_file"
    done
  done
  echo "[natives] compiling $(wc -l <"$jobs_file") C files with gcc -O2 (2 jobs)" >&2
  export work
  # shellcheck disable=SC2016
  xargs -P 2 -L 1 -d '\n' bash -c 'IFS=$'"'"'\t'"'"' read -r src inc obj <<<"$0"; gcc -O2 -fPIC -fno-semantic-interposition -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -w $inc -c "$src" -o "$work/$obj"' <"$jobs_file" \
    || skip "compilation failed"
  # -Bsymbolic + -fno-semantic-interposition: calls inside the library bind directly, not through
  # the PLT (about 12% faster parsing, measured on the Go stdlib).
  gcc -shared -s -Wl,-Bsymbolic -o "$work/$lib" "$work"/*.o || skip "linking failed"
  mkdir -p "$cached"
  cp "$work/$lib" "$cached/$lib.tmp" && mv "$cached/$lib.tmp" "$cached/$lib"
  echo "[natives] built $cached/$lib ($(du -k "$cached/$lib" | cut -f1) KiB)" >&2
fi
cp "$cached/$lib" "$out/$lib"
printf 'hash=%s\n' "$hash" >"$out/$lib.properties"
echo "[natives] $out/$lib" >&2
