#!/usr/bin/env python3
# Regenerates the fixture files in good/ and broken/ (they are committed;
# this script documents how each one was made). Run from this directory.
import copy, hashlib, json, os

TEXT = "Acme Corp said sales rose 12% in 2023.\nJane Doe \U0001F680 disputed the figure."

def base():
    return {
        "format": "gloss", "version": 1, "generator": "Gloss 0.1.0",
        "document": {"text": TEXT,
                     "sha256": hashlib.sha256(TEXT.encode()).hexdigest(),
                     "length": len(TEXT),
                     "title": "Sales", "language": "en"},
        "labels": [
            {"name": "ORG", "kind": "entity", "color": "#3584e4", "key": "o"},
            {"name": "PERSON", "kind": "entity", "color": "#e66100", "key": "p"},
            {"name": "CLAIM", "kind": "claim", "color": "#f6d32d", "key": "c"},
        ],
        "annotations": [
            {"id": "a1", "label": "ORG", "start": 0, "end": 9, "quote": "Acme Corp",
             "author": "ana", "created": "2026-01-02T03:04:05Z", "modified": "2026-01-02T03:04:05Z"},
            {"id": "a2", "label": "CLAIM", "start": 15, "end": 37, "quote": "sales rose 12% in 2023",
             "note": "check the annual report",
             "attributes": {"verdict": "false", "confidence": 0.75, "checked": True, "sources": 2},
             "author": "ana", "created": "2026-01-02T03:04:05Z", "modified": "2026-01-03T00:00:00.5Z"},
            {"id": "a3", "label": "PERSON", "start": 39, "end": 47, "quote": "Jane Doe",
             "author": "", "created": "2026-01-02T03:04:05Z", "modified": "2026-01-02T03:04:05Z"},
            {"id": "a4", "label": "ORG", "start": 48, "end": 49, "quote": "\U0001F680",
             "author": "ana", "created": "2026-01-02T03:04:05Z", "modified": "2026-01-02T03:04:05Z"},
        ],
        "relations": [
            {"id": "r1", "type": "claimant", "from": "a2", "to": "a1", "note": "said by"},
        ],
    }

def dump(doc):
    return json.dumps(doc, ensure_ascii=False, indent=1).encode()

def write(name, data):
    if isinstance(data, dict):
        data = dump(data)
    elif isinstance(data, str):
        data = data.encode()
    with open(name, "wb") as f:
        f.write(data)

def mutate(fn):
    d = base()
    fn(d)
    return d

write("good/example.gloss.json", base())
write("good/empty-lists.gloss.json", mutate(lambda d: (d.update(annotations=[], relations=[], labels=[]))))
write("good/bom.gloss.json", b"\xef\xbb\xbf" + dump(base()))
write("good/extra-keys.gloss.json", mutate(lambda d: (d.update(future={"x": [1, 2]}), d["annotations"][0].update(extra=True))))

# Every escape form and number form the strict reader accepts.
esc_text = "Caf\u00e9 \U0001F680 / \" \\ \b\f\n\r\t end"
write("good/escapes.gloss.json",
      ('{"format":"gloss","version":1,"document":{"text":"Caf\\u00e9 \\ud83d\\ude80 \\/ \\" \\\\ \\b\\f\\n\\r\\t end",'
       '"sha256":"%s","length":%d},"labels":[{"name":"A","kind":"entity","color":"#AABBCC","key":"\\u00e9"}],'
       '"annotations":[{"id":"e1","label":"A","start":5,"end":6,"quote":"\\uD83D\\uDE80","attributes":{"big":1E+2,"neg0":-0,"tiny":1e-400,"frac":0.5e1,"int":-12,"max":-9007199254740992},'
       '"author":"\\u0041","created":"2026-01-02T03:04:05Z","modified":"2026-01-02T03:04:05Z"}],"relations":[]}')
      % (hashlib.sha256(esc_text.encode()).hexdigest(), len(esc_text)))

B = "broken/"
good = dump(base())
write(B + "truncated.json", good[: len(good) // 2])
write(B + "not-utf8.json", good.replace(b"Acme Corp said", b"Acme \xff Corp said"))
write(B + "nul-byte.json", good.replace(b"Acme Corp said", b"Acme\x00Corp said"))
write(B + "deep-nesting.json", "[" * 100000)
write(B + "deep-object.json", '{"a":' * 70 + "1" + "}" * 70)
write(B + "huge-integer.json", '{"format": "gloss", "version": 99999999999999999999}')
write(B + "huge-negative-integer.json", good.replace(b'"start": 0,', b'"start": -99999999999999999999,'))
write(B + "huge-float.json", good.replace(b'"confidence": 0.75', b'"confidence": 1e400'))
write(B + "duplicate-key.json", good.replace(b'"format": "gloss",', b'"format": "gloss",\n "format": "gloss",'))
write(B + "nul-escape.json", good.replace(b"Acme Corp said", b"Acme\\u0000Corp said"))
write(B + "lone-surrogate.json", good.replace(b"Acme Corp said", b"Acme\\ud83d Corp said"))
write(B + "comment.json", good.replace(b'"format": "gloss",', b'/* a comment */ "format": "gloss",'))
write(B + "single-quotes.json", good.replace(b'"format": "gloss",', b"'format': 'gloss',"))
write(B + "hex-number.json", good.replace(b'"version": 1', b'"version": 0x1'))
write(B + "trailing-comma.json", good.replace(b'"version": 1,', b'"version": 1,,'))
write(B + "trailing-garbage.json", good + b"\n{}")
write(B + "root-array.json", "[" + good.decode() + "]")
write(B + "empty.json", "")
write(B + "whitespace-only.json", " \n\t \n")
write(B + "version-2.json", mutate(lambda d: d.update(version=2)))
write(B + "version-string.json", mutate(lambda d: d.update(version="1")))
write(B + "wrong-format.json", mutate(lambda d: d.update(format="brat")))
write(B + "missing-text.json", mutate(lambda d: d["document"].pop("text")))
write(B + "text-not-string.json", mutate(lambda d: d["document"].update(text=42)))
write(B + "sha256-mismatch.json", mutate(lambda d: d["document"].update(sha256="0" * 64)))
write(B + "length-mismatch.json", mutate(lambda d: d["document"].update(length=71)))
write(B + "missing-annotations.json", mutate(lambda d: d.pop("annotations")))
write(B + "start-ge-end.json", mutate(lambda d: d["annotations"][0].update(start=9, end=9, quote="")))
write(B + "end-past-text.json", mutate(lambda d: d["annotations"][0].update(end=71)))
write(B + "negative-start.json", mutate(lambda d: d["annotations"][0].update(start=-1)))
write(B + "float-offset.json", mutate(lambda d: d["annotations"][0].update(start=1.5)))
write(B + "quote-mismatch.json", mutate(lambda d: d["annotations"][0].update(quote="Acme Inc.")))
write(B + "unknown-label.json", mutate(lambda d: d["annotations"][2].update(label="PLACE")))
write(B + "duplicate-ids.json", mutate(lambda d: d["annotations"][2].update(id="a1")))
write(B + "long-id.json", mutate(lambda d: d["annotations"][0].update(id="x" * 129)))
write(B + "bad-color.json", mutate(lambda d: d["labels"][0].update(color="blue")))
write(B + "bad-kind.json", mutate(lambda d: d["labels"][0].update(kind="person")))
write(B + "duplicate-label-key.json", mutate(lambda d: d["labels"][1].update(key="o")))
write(B + "duplicate-label-name.json", mutate(lambda d: d["labels"][1].update(name="ORG", key="x")))
write(B + "relation-missing-id.json", mutate(lambda d: d["relations"][0].update(to="a9")))
write(B + "self-relation.json", mutate(lambda d: d["relations"][0].update(to="a2")))
write(B + "nested-attribute.json", mutate(lambda d: d["annotations"][1]["attributes"].update(source={"url": "x"})))
write(B + "bad-timestamp.json", mutate(lambda d: d["annotations"][0].update(created="yesterday")))
write(B + "many-problems.json", mutate(lambda d: (d["annotations"][0].update(start=-1), d["annotations"][1].update(created="2026"), d["annotations"][2].update(end=500))))

# Label schemes (issue 3): attribute definitions and user relation types.
def scheme(d):
    d["labels"][1]["attributes"] = [
        {"name": "role", "type": "choice", "values": ["source", "subject"], "required": True, "default": "source"},
        {"name": "age", "type": "number"},
        {"name": "quoted", "type": "boolean", "default": False},
        {"name": "profile", "type": "url"},
    ]
    d["relation_types"] = [
        {"name": "disputes", "title": "Disputes", "description": "A person disputes a claim",
         "from": ["PERSON"], "to": ["claim"]},
        {"name": "mentions"},
    ]
    d["relations"].append({"id": "r2", "type": "disputes", "from": "a3", "to": "a2"})
write("good/label-scheme.gloss.json", mutate(scheme))
write(B + "bad-attribute-type.json", mutate(lambda d: (scheme(d), d["labels"][1]["attributes"][1].update(type="integer"))))
write(B + "bad-relation-type-name.json", mutate(lambda d: (scheme(d), d["relation_types"][1].update(name="has space"))))
# Values and links that do not fit the scheme: warnings, the file is valid.
write("good/stale-scheme.gloss.json", mutate(lambda d: (scheme(d),
      d["annotations"][2].update(attributes={"role": "villain", "age": "forty"}),
      d["relations"].append({"id": "r3", "type": "disputes", "from": "a2", "to": "a3"}))))
