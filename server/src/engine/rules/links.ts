/**
 * Links and references: a link is well formed and uses https (or mailto: for an address), and every Code
 * id the file names, as an id or in words ("Safety and Security Measure 9.3"), exists in the catalogue.
 */
import { isScalar } from 'yaml';
import { getCommitment, getMeasure, isKnownId, KEYS, type ChapterId } from '../catalogue';
import { findPlaceholder, isWellFormedLink, looksLikeLink, parseNotApplicable } from '../values';
import { capForExemption, dotted, excerpt } from './common';
import type { Answer } from '../model';
import { defineRule, type CodeInfo, type CodesOf, type Finding, type RuleContext } from './types';

const codes = [
  { code: 'link.malformed', title: 'A link is not a well-formed https or mailto link', severity: 'error' },
  { code: 'link.insecure', title: 'A link uses http instead of https', severity: 'warning', fixable: true },
  {
    code: 'reference.unknown-id',
    title: 'The file names a measure, commitment or form item that does not exist',
    severity: 'error',
  },
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

/** Keys whose text is read for a link at its start. */
const LINK_TYPES = new Set(['url', 'text', 'list']);

export const links = defineRule({
  name: 'links',
  codes,
  check(ctx) {
    const findings: Finding<Code>[] = [];
    for (const v of ctx.model.all) {
      if (!LINK_TYPES.has(v.spec.type) || !isScalar(v.node)) continue;
      const finding = v.fact(linkFinding);
      if (finding) findings.push({ ...finding, range: v.range });
    }
    for (const f of references(ctx)) findings.push(f);
    return capForExemption(ctx, codes, findings);
  },
});

const DOMAINS = KEYS.training_content_summary.data_sources.crawled_data.domains.path;

function isDomainEntry(v: Answer): boolean {
  return v.path.length === DOMAINS.length + 1 && DOMAINS.every((s, i) => v.path[i] === s);
}

/** What is wrong with a link the value opens with, if anything: read from its text alone (the caller adds where). */
function linkFinding(v: Answer): Omit<Finding<Code>, 'range'> | undefined {
  const text = v.text?.trim();
  if (!text) return undefined;
  // A url key is a link as a whole; in free text, only a link that opens the answer is checked.
  const candidate = v.spec.type === 'url' ? text : /^\S+/.exec(text)![0];
  if (v.spec.type !== 'url' && !looksLikeLink(candidate)) return undefined;
  // The summary's top crawled domains are domain names, as the template asks (www.example.org), not links.
  if (isDomainEntry(v) && !/:/.test(candidate)) return undefined;
  if (findPlaceholder(text) || parseNotApplicable(text)) return undefined;
  if (isWellFormedLink(candidate)) return undefined;
  const where = `\`${dotted(v.path)}\``;
  const secure = /^http:\/\//i.test(candidate) ? candidate.replace(/^http:/i, 'https:') : undefined;
  if (secure && isWellFormedLink(secure)) {
    return {
      code: 'link.insecure',
      id: v.spec.id,
      ...(candidate === text
        ? { fix: { kind: 'set-value', path: v.path, value: secure, title: 'Use https' } as const }
        : {}),
      message: `${where} links with http: ${excerpt(candidate)}. Give the https address, so that readers reach the page you published unaltered.`,
    };
  }
  return {
    code: 'link.malformed',
    id: v.spec.id,
    message: `${where} should be a link, but "${excerpt(candidate)}" is not a well-formed https or mailto link. ${hint(candidate)}`,
  };
}

function hint(candidate: string): string {
  if (/^www\./i.test(candidate)) return `Write it in full: https://${excerpt(candidate)}.`;
  if (/^[^\s@:]+@[^\s@]+\.[^\s@]+$/.test(candidate))
    return `For an e-mail address, write mailto:${excerpt(candidate)}.`;
  return 'Write the full address, starting with https://.';
}

const CHAPTER_NAMES: Readonly<Record<string, ChapterId>> = {
  transparency: 'transparency',
  copyright: 'copyright',
  'safety and security': 'safety-security',
};

/** An id written as an id, at a given offset (sticky); `idsIn` checks that no word or URL goes on before it. */
const ID_AT =
  /((?:transparency|copyright|safety-security)\/\d+(?:\.\d+)?|form\/(?:D\.\d+|\d+\.\d+)|tcs\/(?:H\.\d+|\d+(?:\.\d+)*(?:\.[a-z])?))(?![\w/-]|\.\d)/y;
const ID_PREFIXES = ['transparency', 'copyright', 'safety-security', 'form', 'tcs'];
const IN_WORD = /[\w/.-]/;

/** The id prefix written right before the "/" at `slash`, if any. */
function prefixBefore(text: string, slash: number): string | undefined {
  for (const p of ID_PREFIXES) if (slash >= p.length && text.startsWith(p, slash - p.length)) return p;
  return undefined;
}
/** Ids written in words: "Copyright Measure 1.3", "Safety and Security Commitment 9". */
const NAMED_PATTERN =
  /\b(Transparency|Copyright|Safety and Security)\s+(Measure|Commitment)\s+(\d+(?:\.\d+)?)(?!\.\d)/g;

/**
 * Ids written as ids, in order: each "/" after an id's prefix that no word or URL goes on before. The same
 * as a global search with a lookbehind, which scans every character of the file and took most of this
 * rule's time; an id holds one "/", so no two overlap.
 */
function* idsIn(text: string): Generator<{ index: number; id: string }> {
  for (let slash = text.indexOf('/'); slash >= 0; slash = text.indexOf('/', slash + 1)) {
    const prefix = prefixBefore(text, slash);
    if (!prefix) continue;
    const index = slash - prefix.length;
    if (index > 0 && IN_WORD.test(text[index - 1])) continue;
    ID_AT.lastIndex = index;
    const m = ID_AT.exec(text);
    if (m) yield { index, id: m[1] };
  }
}

function references({ doc }: RuleContext): Finding<Code>[] {
  const out: Finding<Code>[] = [];
  const range = (start: number, length: number) => doc.lines.range(start, start + length);
  for (const { index, id } of idsIn(doc.text)) {
    if (isKnownId(id)) continue;
    out.push({
      code: 'reference.unknown-id',
      range: range(index, id.length),
      message: `"${id}" is not an id of the Code of Practice, the Model Documentation Form or the training-content summary template. Check the number; \`gpai-docs catalogue\` lists every id.`,
    });
  }
  for (const m of doc.text.matchAll(NAMED_PATTERN)) {
    const id = `${CHAPTER_NAMES[m[1].toLowerCase()]}/${m[3]}`;
    const known = m[2] === 'Measure' ? getMeasure(id) : getCommitment(id);
    if (known) continue;
    out.push({
      code: 'reference.unknown-id',
      range: range(m.index!, m[0].length),
      message: `"${m[0]}" does not exist: the ${m[1]} chapter has no ${m[2].toLowerCase()} ${m[3]}. Check the number; \`gpai-docs catalogue\` lists every measure.`,
    });
  }
  return out;
}
