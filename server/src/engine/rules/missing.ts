/**
 * What the file must contain and lacks, given the model's applicability: form sections and items (unless the
 * open-source exemption validly applies), the classification, Copyright measures, the training-content
 * summary, and the Safety and Security chapter when the model has systemic risk.
 */
import {
  citeId,
  formatKeys,
  getChapter,
  getFormatEntry,
  getCommitment,
  getEntry,
  getFormItem,
  getFormSection,
  getMeasure,
  itemLabel,
  itemsOfSection,
  measuresOf,
  type KeySpec,
  type PathSegment,
} from '../catalogue';
import { applicability, notApplicable } from '../applicability';
import { anchorRange, nodeRange, nodeAt, type GpaiDocument } from '../document';
import { missingKeys, type MissingKey } from '../requirements';
import { formatScientific } from '../values';
import type { Finding, Rule } from './types';

export const missing: Rule = {
  name: 'missing',
  codes: [
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
  ],
  check({ doc }) {
    if (!doc.root && doc.text.trim() && !isCommentsOnly(doc.text)) return []; // not a mapping: the syntax rule says so
    return missingKeys(doc, formatKeys)
      .filter((m) => m.spec.key !== 'gpai')
      .map((m) => finding(doc, m));
  },
};

function isCommentsOnly(text: string): boolean {
  return text.split(/\r\n|\r|\n/).every((l) => !l.trim() || l.trim().startsWith('#') || l.trim() === '---');
}

function finding(doc: GpaiDocument, m: MissingKey): Finding {
  const range = rangeFor(doc, m.parent);
  const fix = { kind: 'insert-keys', parent: m.parent, keys: [m.spec.key] } as const;
  const where = m.parent.length ? `under \`${dotted(m.parent)}\`` : 'at the top level';
  const add = `Add \`${m.spec.key}\` ${where}.`;
  const { code, message } = describe(doc, m.spec, add);
  return { code, message, range, id: m.spec.id, fix };
}

function describe(doc: GpaiDocument, spec: KeySpec, add: string): { code: string; message: string } {
  const id = spec.id;
  const item = getFormItem(id);
  if (item)
    return {
      code: 'missing.item',
      message: `Form item ${item.number} “${itemLabel(item)}” is missing: ${lowerFirst(item.whatToWrite)} ${add}`,
    };
  const section = getFormSection(id);
  if (section) {
    const count = itemsOfSection(section.number).filter((i) => !notApplicable(doc, i.id)).length;
    return {
      code: 'missing.section',
      message: `Section ${section.number} “${section.title}” of the Model Documentation Form is missing (${count} items). ${add}`,
    };
  }
  if (getChapter(id)) {
    return {
      code: 'missing.chapter',
      message: `${systemicRiskBecause(doc)}, so the Safety and Security chapter applies: document its 10 commitments. ${add}`,
    };
  }
  const commitment = getCommitment(id);
  if (commitment) {
    return {
      code: 'missing.commitment',
      message: `${citeId(id)} “${commitment.title}” is not answered (${measuresOf(id).length} measures). ${add}`,
    };
  }
  const measure = getMeasure(id);
  if (measure) {
    const field = spec.key !== keyOfMeasure(id) ? `\`${spec.key}\` of ` : '';
    const what = field ? (spec.hint ? ` ${spec.hint}` : '') : ` ${measure.summary}`;
    return {
      code: 'missing.measure',
      message: `${field}${citeId(id)} “${measure.title}” is not answered.${what} ${add}`,
    };
  }
  if (id === 'format/web-crawling') {
    return {
      code: 'missing.measure',
      message: `The Copyright chapter does not say whether you crawled the web for training data; Copyright Measures 1.2 and 1.3 depend on it. ${add}`,
    };
  }
  if (
    id.startsWith('format/classification') ||
    id === 'format/systemic-risk' ||
    id === 'format/open-source-exemption'
  ) {
    const what =
      id === 'format/classification'
        ? "The model's classification is missing: state whether it has systemic risk (none, presumed, designated) and whether it claims the open-source exemption."
        : `${getEntry(id)?.title ?? spec.key} is not stated. ${getFormatEntry(id)?.about ?? ''}`;
    return { code: 'missing.classification', message: `${what} ${add}` };
  }
  if (id.startsWith('tcs/') || id.startsWith('format/tcs') || id === 'format/training-content-summary') {
    const what =
      id === 'format/training-content-summary'
        ? 'The public summary of training content is missing. Every provider publishes one with the AI Office template, open-source models included.'
        : `\`${spec.key}\` of the public summary of training content is missing.`;
    return { code: 'missing.summary', message: `${what} ${add}` };
  }
  if (id === 'format/document') {
    return {
      code: 'missing.item',
      message: `The document header is missing: the documentation's version and last update (form header), how it is requested (Transparency Measure 1.2) and how its integrity is kept (Measure 1.3). ${add}`,
    };
  }
  return { code: 'missing.item', message: `\`${spec.key}\` (${getEntry(id)?.title ?? id}) is missing. ${add}` };
}

function systemicRiskBecause(doc: GpaiDocument): string {
  const a = applicability(doc);
  if (a.declared === 'designated') return 'The model is designated as having systemic risk';
  if (a.aboveThreshold && a.trainingCompute !== undefined)
    return `The model has systemic risk (training compute ${formatScientific(a.trainingCompute)} FLOP is above 10^25, presumed under AI Act Art. 51(2))`;
  return 'The model is classified as having systemic risk (presumed)';
}

function keyOfMeasure(id: string): string | undefined {
  const walk = (specs: readonly KeySpec[]): string | undefined => {
    for (const s of specs) {
      if (s.id === id && s.type === 'map') return s.key;
      const inner = s.children ? walk(s.children) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  return walk(formatKeys);
}

function rangeFor(doc: GpaiDocument, parent: readonly PathSegment[]) {
  if (typeof parent[parent.length - 1] === 'number')
    return nodeRange(doc, nodeAt(doc, parent)) ?? anchorRange(doc, parent);
  return anchorRange(doc, parent);
}

function dotted(path: readonly PathSegment[]): string {
  return path
    .map((s) => (typeof s === 'number' ? `[${s}]` : s))
    .join('.')
    .replace(/\.\[/g, '[');
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
