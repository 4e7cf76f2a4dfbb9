// check-jsonld.mjs: checks Gloss's W3C and ClaimReview exports with an
// independent JSON-LD processor (jsonld.js), offline.
// Copyright 2026 The Gloss authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Usage: node check-jsonld.mjs CONTEXT_DIR w3c FILE… claimreview FILE…
// Exit 0 = all good, 1 = a check failed, 77 = jsonld.js is not installed
// (run `npm ci --prefix tests/export`).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let jsonld;
try {
  jsonld = (await import('jsonld')).default;
} catch (e) {
  console.log(`# SKIP: the npm package jsonld is not installed (${e.code ?? e.message})`);
  process.exit(77);
}

const [contextDir, ...rest] = process.argv.slice(2);
const contexts = {
  'http://www.w3.org/ns/anno.jsonld': 'anno.jsonld',
  'https://www.w3.org/ns/anno.jsonld': 'anno.jsonld',
  'https://schema.org': 'schemaorg.jsonld',
  'https://schema.org/': 'schemaorg.jsonld',
  'http://schema.org': 'schemaorg.jsonld',
  'http://schema.org/': 'schemaorg.jsonld',
};

// Every remote document comes from disk; anything else is an error (no network).
const documentLoader = async (url) => {
  const file = contexts[url];
  if (!file)
    throw new Error(`refusing to load ${url}: not bundled`);
  return {
    contextUrl: null,
    documentUrl: url,
    document: JSON.parse(readFileSync(join(contextDir, file), 'utf8')),
  };
};

let failures = 0;
let n = 0;
function check(ok, what) {
  n++;
  console.log(`${ok ? 'ok' : 'not ok'} ${n} ${what}`);
  if (!ok)
    failures++;
}

const OA = 'http://www.w3.org/ns/oa#';
const AS = 'http://www.w3.org/ns/activitystreams#';
const MOTIVATIONS = ['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing',
  'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging'];

function values(node, prop) {
  const v = node?.[prop];
  return v === undefined ? [] : (Array.isArray(v) ? v : [v]);
}

async function checkW3c(file) {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  // formats.md §8 item 5, on the compact form.
  check(doc['@context'] === 'http://www.w3.org/ns/anno.jsonld', `${file}: @context is the anno.jsonld string`);
  check(doc.type === 'AnnotationCollection' && typeof doc.id === 'string', `${file}: a collection with an id`);
  check(Number.isInteger(doc.total) && doc.total >= 0, `${file}: total is a non-negative integer`);
  const items = [];
  for (let page = doc.first; page; page = page.next) {
    check(page.type === 'AnnotationPage' && Array.isArray(page.items) && page.items.length > 0,
      `${file}: page ${page.id} has items`);
    check(!('@context' in page), `${file}: embedded page has no @context`);
    items.push(...page.items);
  }
  check(items.length === doc.total, `${file}: total (${doc.total}) = number of items (${items.length})`);
  check(doc.total > 0 || !('first' in doc), `${file}: an empty collection has no first page`);
  for (const a of items) {
    const where = `${file}: ${a.id}`;
    check(typeof a.id === 'string' && /^[a-z][a-z0-9+.-]*:/.test(a.id), `${where}: exactly one IRI`);
    check(values(a, 'type').includes('Annotation'), `${where}: type Annotation`);
    check(values(a, 'target').length >= 1, `${where}: has a target`);
    for (const t of ['created', 'modified'])
      if (a[t] !== undefined)
        check(/Z$/.test(a[t]), `${where}: ${t} is UTC with Z`);
    for (const m of values(a, 'motivation'))
      check(MOTIVATIONS.includes(m), `${where}: motivation ${m} is one of the 13`);
    for (const b of values(a, 'body'))
      for (const p of values(b, 'purpose'))
        check(MOTIVATIONS.includes(p), `${where}: purpose ${p} is one of the 13`);
    for (const t of values(a, 'target'))
      for (const s of values(t, 'selector'))
        if (s.type === 'TextPositionSelector')
          check(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start < s.end,
            `${where}: position ${s.start}-${s.end} is a non-empty integer range`);
  }

  // The independent processor: expansion in safe mode fails on any term
  // the context does not define (it would otherwise be dropped silently).
  let expanded;
  try {
    expanded = await jsonld.expand(doc, { documentLoader, safe: true });
    check(true, `${file}: expands under the W3C context in safe mode`);
  } catch (e) {
    check(false, `${file}: expands under the W3C context in safe mode: ${e.message} ${JSON.stringify(e.details ?? {}).slice(0, 300)}`);
    return;
  }
  const coll = expanded[0];
  check(values(coll, '@type').includes(`${AS}OrderedCollection`), `${file}: expands to as:OrderedCollection`);
  if (doc.total > 0) {
    const page = values(coll, `${AS}first`)[0];
    const list = values(page, `${AS}items`)[0]?.['@list'] ?? [];
    check(list.length === doc.total, `${file}: expanded as:items list has ${doc.total} annotations`);
    for (const a of list) {
      check(values(a, '@type').includes(`${OA}Annotation`), `${a['@id']}: expands to oa:Annotation`);
      for (const m of values(a, `${OA}motivatedBy`))
        check(m['@id']?.startsWith(OA), `${a['@id']}: motivation ${m['@id']} is an oa: IRI`);
      for (const t of values(a, `${OA}hasTarget`))
        for (const s of values(t, `${OA}hasSelector`))
          for (const k of ['start', 'end'])
            for (const v of values(s, `${OA}${k}`))
              check(v['@type'] === 'http://www.w3.org/2001/XMLSchema#nonNegativeInteger',
                `${a['@id']}: oa:${k} is an xsd:nonNegativeInteger`);
    }
  }
  // And to RDF: every triple must have absolute IRIs.
  const nquads = await jsonld.toRDF(doc, { documentLoader, format: 'application/n-quads', safe: true });
  check(nquads.length > 0 && !/<[^>:]*>/.test(nquads), `${file}: converts to N-Quads with absolute IRIs only`);
}

const SCHEMA = 'http://schema.org/';
const CLAIMREVIEW_PROPERTIES = new Set(['url', 'claimReviewed', 'datePublished', 'author', 'itemReviewed',
  'reviewRating', 'citation', 'name', 'sameAs', 'appearance', 'firstAppearance', 'headline',
  'ratingValue', 'bestRating', 'worstRating', 'alternateName'].map((p) => SCHEMA + p));
const CLAIMREVIEW_TYPES = new Set(['ClaimReview', 'Claim', 'Rating', 'Organization', 'Person',
  'CreativeWork'].map((t) => SCHEMA + t));

function walk(node, visit) {
  if (Array.isArray(node))
    return node.forEach((n) => walk(n, visit));
  if (node && typeof node === 'object') {
    visit(node);
    for (const [k, v] of Object.entries(node))
      if (!k.startsWith('@') || k === '@list' || k === '@graph')
        walk(v, visit);
  }
}

async function checkClaimReview(file) {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  check(doc['@context'] === 'https://schema.org', `${file}: the single schema.org @context`);
  const reviews = doc['@graph'] ?? [doc];
  check(reviews.length > 0, `${file}: holds ClaimReviews`);
  for (const r of reviews) {
    const where = `${file}: “${r.claimReviewed}”`;
    check(r['@type'] === 'ClaimReview', `${where}: @type ClaimReview`);
    check(typeof r.claimReviewed === 'string' && r.claimReviewed.length > 0, `${where}: claimReviewed`);
    check(typeof r.url === 'string', `${where}: url (required by Google)`);
    const rating = r.reviewRating ?? {};
    check(typeof rating.alternateName === 'string' && rating.alternateName.length > 0, `${where}: reviewRating.alternateName`);
    if ('ratingValue' in rating) {
      const { ratingValue: v, bestRating: best, worstRating: worst } = rating;
      check([v, best, worst].every(Number.isInteger), `${where}: numeric rating`);
      check(1 <= worst && worst < best && worst <= v && v <= best, `${where}: 1 ≤ worst < best, worst ≤ value ≤ best`);
    }
    check(r.itemReviewed?.['@type'] === 'Claim', `${where}: itemReviewed is a Claim`);
    if (r.itemReviewed?.author)
      check(typeof r.itemReviewed.author.name === 'string', `${where}: the claimant has a name`);
  }
  let expanded;
  try {
    expanded = await jsonld.expand(doc, { documentLoader, safe: true });
    check(true, `${file}: expands under the schema.org context in safe mode`);
  } catch (e) {
    check(false, `${file}: expands under the schema.org context: ${e.message}`);
    return;
  }
  walk(expanded, (node) => {
    for (const k of Object.keys(node))
      if (!k.startsWith('@'))
        check(CLAIMREVIEW_PROPERTIES.has(k), `${file}: property ${k} is a schema.org property of ClaimReview markup`);
    for (const t of values(node, '@type'))
      if (!('@value' in node))
        check(CLAIMREVIEW_TYPES.has(t), `${file}: type ${t} is a schema.org type`);
  });
  walk(expanded, (node) => {
    for (const k of [`${SCHEMA}url`, `${SCHEMA}sameAs`])
      for (const v of values(node, k))
        check(typeof v['@id'] === 'string' && /^https?:/.test(v['@id']), `${file}: ${k} is an IRI`);
  });
}

let mode = null;
for (const arg of rest) {
  if (arg === 'w3c' || arg === 'claimreview') {
    mode = arg;
    continue;
  }
  if (mode === 'w3c')
    await checkW3c(arg);
  else if (mode === 'claimreview')
    await checkClaimReview(arg);
  else {
    console.error(`usage: check-jsonld.mjs CONTEXT_DIR w3c FILE… claimreview FILE…`);
    process.exit(2);
  }
}
console.log(`1..${n}`);
console.log(`# ${n - failures} passed, ${failures} failed`);
process.exit(failures > 0 ? 1 : 0);
