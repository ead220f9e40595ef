#!/usr/bin/env bash
# One house style (CTest: style, label unit): every C++ file is exactly as clang-format
# leaves it under the root .clang-format, and includes the project's own headers by their
# path from the repository root ("kiosk/core/session.h"), never bare or through "../".
#   check_style.sh REPOSITORY_ROOT
set -euo pipefail
cd "$1"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files '*.cpp' '*.h')
else
  mapfile -t files < <(find . -path ./build -prune -o \( -name '*.cpp' -o -name '*.h' \) -print | grep -v node_modules)
fi
[ ${#files[@]} -gt 0 ] || { echo "check_style: no C++ files found under $1" >&2; exit 1; }

if ! clang-format --dry-run --Werror "${files[@]}"; then
  echo "check_style: run 'clang-format -i' on the files above (the style is .clang-format)" >&2
  exit 1
fi

bad=$(grep -nE '^\s*#\s*include\s+"([^/"]*|\.\./[^"]*)"' "${files[@]}" || true)
if [ -n "$bad" ]; then
  echo "check_style: include the project's headers by their path from the repository root:" >&2
  echo "$bad" >&2
  exit 1
fi
echo "check_style: ${#files[@]} C++ files formatted and included by root path"
