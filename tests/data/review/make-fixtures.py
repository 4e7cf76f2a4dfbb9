#!/usr/bin/env python3
# Writes the review fixtures (issue 5). Offsets are code points (Python str).
import hashlib, json, os

TEXT = "Acme Corp said sales rose 12% in 2023.\nJane Doe \U0001F680 disputed the figure."
EDITED = "Update: Acme Corp said sales rose 12% in 2023.\nJane Doe \U0001F680 disputed the new figure."

LABELS = [
    {"name": "ORG", "kind": "entity", "color": "#3584e4", "key": "o"},
    {"name": "PER", "kind": "entity", "color": "#e66100", "key": "p"},
    {"name": "CLAIM", "kind": "claim", "color": "#f6d32d", "key": "c"},
    {"name": "LOC", "kind": "entity", "color": "#2ec27e", "key": "l"},
]

def doc(text, annotations, author):
    anns = []
    for (aid, label, s, e, *attrs) in annotations:
        a = {"id": aid, "label": label, "start": s, "end": e, "quote": text[s:e],
             "author": author, "created": "2026-01-02T03:04:05Z", "modified": "2026-01-02T03:04:05Z"}
        if attrs:
            a["attributes"] = attrs[0]
        anns.append(a)
    return {"format": "gloss", "version": 1, "generator": "Gloss 0.1.0",
            "document": {"text": text, "sha256": hashlib.sha256(text.encode()).hexdigest(),
                         "length": len(text), "title": "Sales"},
            "labels": LABELS, "annotations": anns, "relations": []}

# §7.3 of formats.md: key A and response B
A = doc(TEXT, [("a1", "ORG", 0, 9), ("a2", "CLAIM", 15, 37, {"verdict": "false"}), ("a3", "PER", 39, 47)], "ana")
B = doc(TEXT, [("b1", "ORG", 0, 4), ("b2", "CLAIM", 15, 37, {"verdict": "true"}), ("b3", "PER", 39, 47),
               ("b4", "LOC", 63, 69)], "ben")
C = doc(TEXT, [("c1", "ORG", 0, 9), ("c2", "PER", 15, 37), ("c3", "PER", 39, 47)], "cy")
# B's annotations on an edited text ("Update: " before, "new " inside the second sentence)
off = len("Update: ")
D = doc(EDITED, [("d1", "ORG", 0 + off, 4 + off), ("d2", "CLAIM", 15 + off, 37 + off),
                 ("d3", "PER", 39 + off, 47 + off), ("d4", "LOC", 63 + off + 4, 69 + off + 4)], "dee")

# Their text has one more sentence; "The CEO" cannot be placed on mine
LONGER = TEXT + " The CEO resigned."
E = doc(LONGER, [("e1", "ORG", 0, 9), ("e2", "PER", 71, 78)], "eve")

here = os.path.dirname(os.path.abspath(__file__))
for name, d in (("a", A), ("b", B), ("c", C), ("b-edited", D), ("b-longer", E)):
    with open(os.path.join(here, name + ".gloss.json"), "w", encoding="utf-8") as f:
        json.dump(d, f, ensure_ascii=False, indent=1)
        f.write("\n")
