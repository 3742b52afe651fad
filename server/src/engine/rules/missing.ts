/**
 * What the file must contain and lacks, given the model's applicability: form sections and items (unless the
 * open-source exemption validly applies), the classification, Copyright measures, the training-content
 * summary, and the Safety and Security chapter when the model has systemic risk.
 */
import {
  cite,
  commitmentsOf,
  entry,
  formatKeys,
  itemLabel,
  itemsOfSection,
  KEYS,
  keyPathsFor,
  measuresOf,
  titleOf,
  type FormatEntry,
  type KeySpec,
} from '../catalogue';
import { applicability, notApplicable } from '../applicability';
import type { GpaiDocument } from '../document';
import { fileModel } from '../model';
import { insertKeys } from '../insertKeys';
import { missingKeys, type MissingKey } from '../requirements';
import type { Range } from 'vscode-languageserver-types';
import { formatScientific } from '../values';
import { dotted } from './common';
import { defineRule, type CodeInfo, type CodesOf, type Finding } from './types';

const codes = [
  { code: 'missing.item', title: 'A form item is missing', severity: 'warning', fixable: true },
  { code: 'missing.section', title: 'A whole section of the form is missing', severity: 'warning', fixable: true },
  { code: 'missing.measure', title: 'A Code measure is not answered', severity: 'warning', fixable: true },
  {
    code: 'missing.commitment',
    title: 'A Safety and Security commitment is not answered',
    severity: 'warning',
    fixable: true,
  },
  {
    code: 'missing.chapter',
    title: 'The Safety and Security chapter is missing for a model with systemic risk',
    severity: 'error',
    fixable: true,
  },
  {
    code: 'missing.classification',
    title: "The model's classification is missing",
    severity: 'error',
    fixable: true,
  },
  {
    code: 'missing.summary',
    title: 'The public summary of training content is missing',
    severity: 'warning',
    fixable: true,
  },
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

export const missing = defineRule({
  name: 'missing',
  codes,
  check({ doc }) {
    if (!doc.root && doc.text.trim() && !isCommentsOnly(doc.text)) return []; // not a mapping: the syntax rule says so
    // YAML that does not parse (a tab, a syntax error, a duplicate key) can put a written key out of its block:
    // the YAML finding says where, and a key written in the text is never reported missing.
    const unreadable = doc.yaml.errors.length > 0;
    return missingKeys(doc, formatKeys)
      .filter((m) => m.spec.id !== KEYS.gpai.id)
      .filter((m) => !unreadable || !writtenInText(doc, m.spec.key))
      .map((m) => finding(doc, m));
  },
});

/** The last written line before the place a top-level key would be inserted, if another key comes before it. */
function whereItBelongs(doc: GpaiDocument, key: string): Range | undefined {
  if (!doc.root) return undefined;
  const at = insertKeys(doc, [{ parent: [], keys: [key] }])[0]?.range.start;
  if (!at) return undefined;
  let line = at.character === 0 ? at.line - 1 : at.line;
  // Past the blank lines and the comment heading the next section starts with.
  while (line > 0 && /^\s*(#.*)?$/.test(doc.lines.lineText(line))) line--;
  const text = doc.lines.lineText(line);
  if (line < 0 || !text.trim()) return undefined;
  const start = doc.lines.offsetAt({ line, character: text.length - text.trimStart().length });
  return doc.lines.range(start, doc.lines.offsetAt({ line, character: text.trimEnd().length }));
}

/** The text has a line `key:` (or `- key:`) at any indentation. */
function writtenInText(doc: GpaiDocument, key: string): boolean {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^[ \\t]*(?:- +)?(["']?)${escaped}\\1[ \\t]*:`, 'm').test(doc.text);
}

function isCommentsOnly(text: string): boolean {
  return text.split(/\r\n|\r|\n/).every((l) => !l.trim() || l.trim().startsWith('#') || l.trim() === '---');
}

function finding(doc: GpaiDocument, m: MissingKey): Finding<Code> {
  const model = fileModel(doc);
  // Under a list entry, the entry itself; a section of the file, where it belongs (the last line of the one
  // before it, where the quick-fix writes it); else the parent's key (or its nearest written ancestor's).
  const range =
    typeof m.parent[m.parent.length - 1] === 'number'
      ? model.range(m.parent)
      : ((m.parent.length === 0 ? whereItBelongs(doc, m.spec.key) : undefined) ?? model.anchor(m.parent));
  const fix = { kind: 'insert-keys', parent: m.parent, keys: [m.spec.key] } as const;
  const where = m.parent.length ? `under \`${dotted(m.parent)}\`` : 'at the top level';
  const add = `Add \`${m.spec.key}\` ${where}.`;
  const { code, message } = describe(doc, m.spec, add);
  return { code, message, range, id: m.spec.id, fix };
}

function describe(doc: GpaiDocument, spec: KeySpec, add: string): { code: Code; message: string } {
  const e = entry(spec.id);
  switch (e?.kind) {
    case 'form-item':
      return {
        code: 'missing.item',
        message: `Form item ${e.number} “${itemLabel(e)}” is missing: ${lowerFirst(e.whatToWrite)} ${add}`,
      };
    case 'form-section': {
      const count = itemsOfSection(e.number).filter((i) => !notApplicable(doc, i.id)).length;
      return {
        code: 'missing.section',
        message: `Section ${e.number} “${e.title}” of the Model Documentation Form is missing (${count} items). ${add}`,
      };
    }
    case 'chapter':
      return {
        code: 'missing.chapter',
        message: `${systemicRiskBecause(doc)}, so the ${e.title} chapter applies: document its ${commitmentsOf(e.id).length} commitments. ${add}`,
      };
    case 'commitment':
      return {
        code: 'missing.commitment',
        message: `${cite(e.id)} “${e.title}” is not answered (${measuresOf(e.id).length} measures). ${add}`,
      };
    case 'measure': {
      const whole = keyPathsFor(e.id).some((p) => p[p.length - 1] === spec.key);
      const field = whole ? '' : `\`${spec.key}\` of `;
      const what = whole ? ` ${e.summary}` : spec.hint ? ` ${spec.hint}` : '';
      return { code: 'missing.measure', message: `${field}${cite(e.id)} “${e.title}” is not answered.${what} ${add}` };
    }
    case 'format':
      return formatMissing(e, spec, add);
    case 'summary-item':
    case 'summary-section':
      return {
        code: 'missing.summary',
        message: `\`${spec.key}\` of the public summary of training content is missing. ${add}`,
      };
    default:
      return { code: 'missing.item', message: `\`${spec.key}\` (${e ? titleOf(e) : spec.id}) is missing. ${add}` };
  }
}

/** A key of the format itself: the code follows what it belongs to. */
function formatMissing(e: FormatEntry, spec: KeySpec, add: string): { code: Code; message: string } {
  switch (e.concern) {
    case 'classification':
      return {
        code: 'missing.classification',
        message: `${e.whenMissing ?? `${e.title} is not stated. ${e.about}`} ${add}`,
      };
    case 'training-content-summary':
      return {
        code: 'missing.summary',
        message: `${e.whenMissing ?? `\`${spec.key}\` of the public summary of training content is missing.`} ${add}`,
      };
    case 'copyright':
      return { code: 'missing.measure', message: `${e.whenMissing ?? `${e.title} is not stated.`} ${add}` };
    default:
      return { code: 'missing.item', message: `${e.whenMissing ?? `\`${spec.key}\` (${e.title}) is missing.`} ${add}` };
  }
}

function systemicRiskBecause(doc: GpaiDocument): string {
  const a = applicability(doc);
  if (a.declared === 'designated') return 'The model is designated as having systemic risk';
  if (a.aboveThreshold && a.trainingCompute !== undefined)
    return `The model has systemic risk (training compute ${formatScientific(a.trainingCompute)} FLOP is above 10^25, presumed under AI Act Art. 51(2))`;
  return 'The model is classified as having systemic risk (presumed)';
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
