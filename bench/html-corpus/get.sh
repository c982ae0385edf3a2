#!/usr/bin/env bash
# Copies the saved real web pages of mozilla/readability's test suite (test-pages/<name>/source.html, with the
# article text readability expects beside each) out of a local git clone into one folder, as <name>.html, for
# the HTML tree-estimate check (docs/inputs.md, "The HTML pre-scan against a parser"). The pages stay out of this
# repository.
#   bench/html-corpus/get.sh OUT_DIR READABILITY_GIT_DIR
set -euo pipefail
[ $# -eq 2 ] || { sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
out=$1 git_dir=$2
[ -d "$git_dir/.git" ] && git_dir=$git_dir/.git
mkdir -p "$out"
copied=0
while IFS=$'\t' read -r meta path; do
  name=${path#test/test-pages/}; name=${name%/source.html}
  git --git-dir="$git_dir" cat-file blob "$(awk '{print $3}' <<<"$meta")" >"$out/$name.html"
  copied=$((copied + 1))
done < <(git --git-dir="$git_dir" ls-tree -r HEAD test/test-pages | grep '/source\.html$')
echo "$copied pages copied to $out"
