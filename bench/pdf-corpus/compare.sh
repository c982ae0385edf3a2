#!/usr/bin/env bash
# Reads every PDF in a folder with `newsum summarize` (the extractor pool, as the service reads uploads) and with
# poppler's pdftotext (Debian poppler-utils), and prints the confusion table of our verdicts against what poppler
# reads, then the files poppler reads as clean text that we refuse. docs/inputs.md quotes its output.
#   bench/pdf-corpus/compare.sh CORPUS_DIR [WORK_DIR]
# CORPUS_DIR: PDFs, e.g. from bench/pdf-corpus/get.sh. Needs dotnet, pdftotext and python3.
set -euo pipefail
[ $# -ge 1 ] || { sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
corpus=$(cd "$1" && pwd)
work=${2:-$(mktemp -d)}
repo=$(cd "$(dirname "$0")/../.." && pwd)
command -v pdftotext >/dev/null || { echo "pdftotext is missing: apt-get install poppler-utils" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is missing" >&2; exit 1; }

dotnet build "$repo/src/NewsSummarizer.Cli" -c Release -nologo -v quiet
mkdir -p "$work/ours"
# Uploads up to 64 MiB; the defaults otherwise (CPU budget, memory limit, pool size).
Summarizer__MaxArticleBytes=67108864 dotnet "$repo/src/NewsSummarizer.Cli/bin/Release/net10.0/newsum.dll" \
  summarize "$corpus" --out "$work/ours" --provider Extractive >"$work/newsum.log" 2>&1 || true
tail -n 1 "$work/newsum.log"

# poppler: words of two or more letters and the share of letters among visible characters, first 50 pages.
: >"$work/poppler.tsv"
find "$corpus" -maxdepth 1 -type f -iname '*.pdf' -print0 | while IFS= read -r -d '' f; do
  printf '%s\t' "$(basename "$f")" >>"$work/poppler.tsv"
  { timeout 20 pdftotext -l 50 -enc UTF-8 "$f" - 2>/dev/null || true; } | head -c 2000000 | tr -d '\000' | python3 -c '
import re, sys
t = sys.stdin.read()
visible = [c for c in t if not c.isspace()]
letters = sum(c.isalpha() for c in visible)
words = len(re.findall(r"[^\W\d_]{2,}", t))
share = letters / len(visible) if visible else 0
print(f"{words}\t{share:.2f}")' >>"$work/poppler.tsv"
done

python3 - "$work" <<'PY'
import collections, glob, json, os, sys
work = sys.argv[1]
poppler = {}
for line in open(os.path.join(work, "poppler.tsv"), encoding="utf-8"):
    fields = line.rstrip("\n").split("\t")
    if len(fields) == 3:
        poppler[fields[0]] = (int(fields[1]), float(fields[2]))
def reads(name):
    words, share = poppler.get(name, (0, 0))
    return "clean text" if words >= 50 and share >= 0.6 else "some text" if words > 0 else "no text"
table, refused = collections.Counter(), []
for path in glob.glob(os.path.join(work, "ours", "*.summary.json")):
    name = os.path.basename(path)[: -len(".summary.json")]
    document = json.load(open(path, encoding="utf-8"))
    ours = document["status"] if document["status"] == "ok" else document["error"]["code"]
    table[(ours, reads(name))] += 1
    if ours in ("no-text-layer", "pdf-text-unreadable") and reads(name) == "clean text":
        refused.append(f"{name}: {ours}: {document['error']['message'][:120]}")
columns = ["clean text", "some text", "no text"]
print("| ours \\ pdftotext | " + " | ".join(columns) + " |")
print("|---|" + "---:|" * len(columns))
for row in sorted({r for r, _ in table}):
    print(f"| {row} | " + " | ".join(str(table[(row, c)]) for c in columns) + " |")
print(f"\nRefused as no-text-layer or pdf-text-unreadable where pdftotext reads clean text: {len(refused)}")
print("\n".join(sorted(refused)))
PY
