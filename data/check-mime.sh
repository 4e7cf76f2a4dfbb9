#!/bin/sh
# Checks a shared-mime-info package: well-formed XML, accepted by
# update-mime-database, and defining the glob and parent type we expect.
# Copyright 2026 The Gloss authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

xml="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

xmllint --noout "$xml"

mkdir -p "$tmp/mime/packages"
cp "$xml" "$tmp/mime/packages/"
# update-mime-database reports invalid packages on stderr; treat any as fatal.
XDG_DATA_HOME="$tmp" XDG_DATA_DIRS="$tmp" update-mime-database "$tmp/mime" 2>"$tmp/errors"
if [ -s "$tmp/errors" ]; then
  cat "$tmp/errors" >&2
  exit 1
fi

grep -q '^60:application/x-gloss+json:\*\.gloss\.json$' "$tmp/mime/globs2" ||
  { echo "globs2 lacks *.gloss.json" >&2; cat "$tmp/mime/globs2" >&2; exit 1; }
grep -q '^application/x-gloss+json application/json$' "$tmp/mime/subclasses" ||
  { echo "subclasses lacks application/json" >&2; exit 1; }
echo "ok: application/x-gloss+json (*.gloss.json, sub-class of application/json)"
