#!/usr/bin/env python3
# Checks, with an independent validator (python3-jsonschema), that every
# kind of file Gloss writes validates against data/gloss-1.schema.json,
# and that the schema is not vacuous (it rejects broken fixtures).
# It also checks that the example in docs/file-format.md is byte for byte
# what Gloss writes, so the published contract cannot drift.
# Usage: test-format-schema.py FORMAT-SAMPLES SCHEMA FIXTUREDIR DOC
# Exit status: 0 pass, 1 fail, 77 skip (python3-jsonschema missing).
import json
import re
import os
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed; skipping")
    sys.exit(77)

samples, schema_path, fixtures, doc_path = sys.argv[1:5]

with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

failures = 0

def check(path, expect_valid):
    global failures
    with open(path, encoding="utf-8-sig") as f:
        doc = json.load(f)
    errors = list(validator.iter_errors(doc))
    ok = (not errors) == expect_valid
    status = "ok" if ok else "FAIL"
    detail = "; ".join(e.message for e in errors[:3]) if errors else "valid"
    print(f"{status}: {os.path.relpath(path, fixtures) if path.startswith(fixtures) else os.path.basename(path)}: {detail}")
    if not ok:
        failures += 1

with tempfile.TemporaryDirectory() as out:
    subprocess.run([samples, out, fixtures], check=True)
    written = sorted(os.listdir(out))
    if len(written) < 10:
        print(f"FAIL: format-samples wrote only {len(written)} files")
        failures += 1
    for name in written:
        check(os.path.join(out, name), True)

    with open(doc_path, encoding="utf-8") as f:
        example = re.search(r"```json\n(.*?)```", f.read(), re.S).group(1)
    with open(os.path.join(out, "resaved-example.gloss.json"), encoding="utf-8") as f:
        written_example = f.read()
    if example == written_example:
        print("ok: the example in the documentation is what Gloss writes")
    else:
        print("FAIL: the example in the documentation differs from what Gloss writes:")
        print(written_example)
        failures += 1

for name in sorted(os.listdir(os.path.join(fixtures, "good"))):
    check(os.path.join(fixtures, "good", name), True)

# Broken files whose problem is one a schema can express.
for name in ["bad-color.json", "bad-kind.json", "negative-start.json", "float-offset.json",
             "version-2.json", "version-string.json", "wrong-format.json", "missing-text.json",
             "text-not-string.json", "missing-annotations.json", "nested-attribute.json",
             "bad-timestamp.json", "long-id.json", "start-ge-end.json",
             "bad-attribute-type.json", "bad-relation-type-name.json"]:
    check(os.path.join(fixtures, "broken", name), False)

print(f"{failures} failures")
sys.exit(1 if failures else 0)
