#!/bin/sh
# test-cli.sh: gloss-cli export/import/formats end to end, batch behaviour
# Copyright 2026 The Gloss authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli.sh GLOSS_CLI GOLDEN_DIR
set -u
cli=$1
golden=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
fail=0

ok () {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n $2"; else echo "not ok $n $2"; fail=1; fi
}

cp "$golden/fixture.gloss.json" "$tmp/fixture.gloss.json"
cp "$golden/fixture.gloss.json" "$tmp/second.gloss.json"
printf '{"format":"gloss",' > "$tmp/broken.gloss.json"

# Every export format: byte-identical to the golden files.
for spec in w3c:.jsonld brat:.ann brat:.txt conll:.conll doccano:.jsonl label-studio:.json \
            spacy:.spacy.json csv:.csv html:.html markdown:.md; do
  format=${spec%%:*}
  suffix=${spec#*:}
  "$cli" export -q --generated 2026-11-29T12:00:00Z --format "$format" "$tmp/fixture.gloss.json"
  cmp -s "$tmp/fixture$suffix" "$golden/fixture$suffix"
  ok $? "export --format $format gives the golden fixture$suffix"
done

"$cli" export -q --generated 2026-11-29T12:00:00Z --format claimreview \
  --option reviewer="Example Fact Desk" --option reviewer-url=https://factcheck.example.org/ \
  --option review-url=https://factcheck.example.org/checks/acme-sales "$tmp/fixture.gloss.json"
cmp -s "$tmp/fixture.claimreview.jsonld" "$golden/fixture.claimreview.jsonld"
ok $? "export --format claimreview with options gives the golden file"

"$cli" export -q --generated 2026-11-29T12:00:00Z --format conll --option scheme=bioes \
  -o "$tmp/bioes.conll" "$tmp/fixture.gloss.json"
cmp -s "$tmp/bioes.conll" "$golden/fixture-scheme-bioes.conll"
ok $? "export -o FILE --option scheme=bioes"

# Batch: one error line for the broken file, the others written, exit 1.
"$cli" export -q --format brat -o "$tmp/out" "$tmp/fixture.gloss.json" "$tmp/broken.gloss.json" \
  "$tmp/second.gloss.json" 2> "$tmp/err"
status=$?
[ $status -eq 1 ]; ok $? "batch with a broken file exits 1 (got $status)"
[ "$(wc -l < "$tmp/err")" -eq 1 ] && grep -q "broken.gloss.json: " "$tmp/err"
ok $? "exactly one error line, naming the broken file"
[ -f "$tmp/out/fixture.ann" ] && [ -f "$tmp/out/second.ann" ] && [ -f "$tmp/out/second.txt" ] && \
  [ -f "$tmp/out/annotation.conf" ]
ok $? "the other files were written into the -o directory"

"$cli" export --format nope "$tmp/fixture.gloss.json" 2> /dev/null
[ $? -eq 2 ]; ok $? "an unknown format is a usage error (2)"
"$cli" export --format conll --option scheme=iob9 "$tmp/fixture.gloss.json" 2> /dev/null
[ $? -eq 1 ]; ok $? "a bad option value fails"

# Imports, with format detection and with --format.
"$cli" import -q "$tmp/out/fixture.ann" -o "$tmp/from-brat.gloss.json"
ok $? "import brat (detected from .ann, text from .txt)"
grep -q '"Jane Q. Doe"' "$tmp/from-brat.gloss.json"
ok $? "the brat import kept the canonical name"
"$cli" import -q "$tmp/out/fixture.ann" -o "$tmp/from-brat.gloss.json" 2> /dev/null
[ $? -eq 1 ]; ok $? "import does not overwrite without --force"

"$cli" import -q --text "$tmp/out/fixture.txt" "$tmp/fixture.jsonld" -o "$tmp/from-w3c.gloss.json"
ok $? "import w3c (detected) with --text"
"$cli" import -q --format doccano "$tmp/fixture.jsonl" -o "$tmp/from-doccano.gloss.json"
ok $? "import doccano"
"$cli" import -q --format label-studio "$tmp/fixture.json" -o "$tmp/from-ls.gloss.json"
ok $? "import label-studio"
"$cli" import -q --format label-studio --option unit=codepoints "$tmp/fixture.json" \
  -o "$tmp/wrong-unit.gloss.json" 2> "$tmp/err"
[ $? -eq 1 ] && grep -q "does not match" "$tmp/err"
ok $? "label-studio read with the wrong offset unit fails with a quote mismatch"

# Export what was imported: the W3C round trip is byte-identical.
"$cli" export -q --generated 2026-11-29T12:00:00Z --format w3c -o "$tmp/again.jsonld" "$tmp/from-w3c.gloss.json"
cmp -s "$tmp/again.jsonld" "$golden/fixture.jsonld"
ok $? "W3C → Gloss → W3C is byte for byte identical"

"$cli" import -q "$tmp/fixture.gloss.json" -o "$tmp/native.gloss.json" 2> "$tmp/err"
[ $? -eq 1 ] && grep -q "already a Gloss file" "$tmp/err"
ok $? "import of a .gloss.json says it is already a Gloss file"

"$cli" formats > "$tmp/formats"
[ "$(grep -c '^[a-z0-9-]* — ' "$tmp/formats")" -eq 10 ] && grep -q 'loses:' "$tmp/formats"
ok $? "formats lists 10 formats with what they lose"

echo "1..$n"
exit $fail
