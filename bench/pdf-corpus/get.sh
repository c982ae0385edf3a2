#!/usr/bin/env bash
# Copies the PDFs of public PDF libraries' test suites out of local git clones into one folder, named
# <library>__<path with / as _>, for bench/pdf-corpus/compare.sh. The files stay out of this repository.
#   bench/pdf-corpus/get.sh OUT_DIR GIT_DIR [GIT_DIR ...]
# GIT_DIR is a clone (or bare git directory) of e.g. mozilla/pdf.js (test/pdfs), UglyToad/PdfPig, qpdf/qpdf,
# pdfminer/pdfminer.six or py-pdf/sample-files. Objects a shallow or partial clone lacks are skipped.
set -euo pipefail
[ $# -ge 2 ] || { sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
out=$1; shift
mkdir -p "$out"
for repo in "$@"; do
  git_dir=$repo
  [ -d "$repo/.git" ] && git_dir=$repo/.git
  name=$(basename "$(cd "$repo" && pwd)")
  [ "$name" = repo ] && name=$(basename "$(dirname "$(cd "$repo" && pwd)")")
  copied=0 missing=0
  while IFS=$'\t' read -r meta path; do
    object=$(awk '{print $3}' <<<"$meta")
    target="$out/${name}__${path//\//_}"
    if git --git-dir="$git_dir" cat-file blob "$object" >"$target" 2>/dev/null && [ -s "$target" ]; then
      copied=$((copied + 1))
    else
      rm -f "$target"; missing=$((missing + 1))
    fi
  done < <(git --git-dir="$git_dir" ls-tree -r HEAD | grep -i '\.pdf$')
  echo "$name: $copied PDFs copied, $missing not in the clone"
done
