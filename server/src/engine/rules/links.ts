/**
 * Links and references: a link is well formed and uses https (or mailto: for an address), and every Code
 * id the file names, as an id or in words ("Safety and Security Measure 9.3"), exists in the catalogue.
 */
import { isScalar } from 'yaml';
import { getCommitment, getMeasure, isKnownId, KEYS, referencesIn } from '../catalogue';
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

function references({ doc }: RuleContext): Finding<Code>[] {
  const out: Finding<Code>[] = [];
  for (const ref of referencesIn(doc.text)) {
    const known =
      ref.kind === 'id' ? isKnownId(ref.id) : ref.entry === 'measure' ? getMeasure(ref.id) : getCommitment(ref.id);
    if (known) continue;
    out.push({
      code: 'reference.unknown-id',
      range: doc.lines.range(ref.index, ref.index + ref.written.length),
      message:
        ref.kind === 'id'
          ? `"${ref.id}" is not an id of the Code of Practice, the Model Documentation Form or the training-content summary template. Check the number; \`gpai-docs catalogue\` lists every id.`
          : `"${ref.written}" does not exist: the ${ref.chapter} chapter has no ${ref.entry} ${ref.number}. Check the number; \`gpai-docs catalogue\` lists every measure.`,
    });
  }
  return out;
}
