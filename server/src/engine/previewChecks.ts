/**
 * What the preview model carries for exports beside the answers: the file's errors and the answers they make
 * invalid, the facts of the catalogue not confirmed for the final form, the catalogue's version, and derived
 * values in plain words. Read-only over the document and the catalogue; getPreviewModel calls it.
 */
import { isScalar, type Node } from 'yaml';
import type { PreviewCatalogue, PreviewInvalid, PreviewProblem, PreviewUnconfirmed } from '../../../shared/types';
import {
  confidenceLabels,
  findOption,
  type Confidence,
  type FormItem,
  type FormSection,
  type Measure,
  type PathSegment,
  type SummaryTemplateItem,
} from './catalogue';
import { CATALOGUE_FOLLOWS, CATALOGUE_VERSION } from './catalogue/version';
import { checkDocument, checkedDay, localDate } from './diagnostics';
import { memo, type GpaiDocument } from './document';
import { fileModel, nodeRange } from './model';
import { getCodeInfo } from './rules';
import type { Finding } from './rules/types';
import type { Code } from './rules';
import { applySuppressions } from './suppressions';
import { parseIsoDate, parseQuantity } from './values';

export interface PreviewChecks {
  /** Every error in the file, at the rules' default severities, after inline suppressions. */
  readonly problems: readonly PreviewProblem[];
  /** The error reported on the scalar at `path`, if any: that answer is shown marked, never as a fact. */
  invalidAt(path: readonly PathSegment[]): PreviewInvalid | undefined;
}

export function previewChecks(doc: GpaiDocument): PreviewChecks {
  return memo(doc, 'preview-checks', () => {
    // Errors do not depend on the day (only warnings and information do): reuse the findings of this version
    // if the diagnostics have run for any day, rather than run every rule again.
    const today = parseIsoDate(checkedDay(doc) ?? localDate(new Date()))!;
    const errors = applySuppressions(doc, checkDocument(doc, today).findings)
      .filter((f) => (f.severity ?? getCodeInfo(f.code)?.severity) === 'error')
      .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return {
      problems: errors.map((f) => ({
        code: f.code,
        message: f.message,
        line: f.range.start.line,
        ...(f.id ? { id: f.id } : {}),
      })),
      invalidAt(path) {
        if (!errors.length) return undefined;
        const node = fileModel(doc).nodeAt(path) as Node | undefined;
        const range = isScalar(node) ? nodeRange(doc, node) : undefined;
        const finding = range && errors.find((f) => within(f, range));
        return finding ? { message: finding.message, code: finding.code } : undefined;
      },
    };
  });
}

function within(finding: Finding<Code>, range: NonNullable<ReturnType<typeof nodeRange>>): boolean {
  const before = (a: { line: number; character: number }, b: { line: number; character: number }) =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(range.start, finding.range.start) && before(finding.range.end, range.end);
}

export const previewCatalogue = (): PreviewCatalogue => ({ version: CATALOGUE_VERSION, follows: CATALOGUE_FOLLOWS });

/** The label and recipients of a form item, where the catalogue does not confirm them for the final form. */
export function itemUnconfirmed(item: FormItem): PreviewUnconfirmed[] | undefined {
  return unconfirmed([
    ['label', item.confidence.label],
    ['recipients', item.confidence.audiences ?? item.confidence.label],
  ]);
}

export function measureUnconfirmed(measure: Measure): PreviewUnconfirmed[] | undefined {
  return unconfirmed([['label', measure.confidence.title]]);
}

export function sectionUnconfirmed(section: FormSection | SummaryTemplateItem): PreviewUnconfirmed[] | undefined {
  return unconfirmed([['label', section.confidence]]);
}

function unconfirmed(facts: [PreviewUnconfirmed['fact'], Confidence][]): PreviewUnconfirmed[] | undefined {
  const out = facts.filter(([, c]) => c !== 'final').map(([fact, c]) => ({ fact, confidence: confidenceLabels[c] }));
  return out.length ? out : undefined;
}

/**
 * A derived value in plain words for a reader who never sees the precise row: `5B-15B` is "Between 5 and 15
 * billion parameters", `1e23 FLOP` is "Of the order of 1e23 FLOP (at least 1e23, less than 1e24)".
 */
export function derivedWords(item: FormItem, value: string): string {
  const set = item.precision?.kind === 'range' ? item.precision.values : item.values;
  const option = set ? findOption(set, value) : undefined;
  if (set === 'parameter-ranges' && option?.min !== undefined) return amountRange(option.min, option.max, 'parameters');
  if (set === 'training-time-ranges' && option) return spelledRange(option.label);
  const q = parseQuantity(value);
  if (item.precision?.kind === 'order-of-magnitude' && q && /^1e-?\d+$/.test(q.numberText)) {
    const unit = q.unit ? ` ${q.unit}` : '';
    const next = `1e${Number(q.numberText.slice(2)) + 1}`;
    return `Of the order of ${q.numberText}${unit} (at least ${q.numberText}, less than ${next}${unit})`;
  }
  if (item.derivedFrom && value.includes(',')) {
    return value
      .split(/,\s*/)
      .map((part) =>
        part.replace(/^(\w+) /, (_, split: string) => `${split[0].toUpperCase()}${split.slice(1)}: about `),
      )
      .join('; ');
  }
  return value;
}

const SCALES: readonly [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

function amount(n: number): [string, string] {
  for (const [size, word] of SCALES) if (n >= size) return [String(Number((n / size).toPrecision(3))), word];
  return [String(n), ''];
}

function amountRange(min: number, max: number | undefined, unit: string): string {
  const [a, aScale] = amount(min);
  if (max === undefined) return `More than ${a} ${aScale} ${unit}`.replace(/\s+/g, ' ');
  const [b, bScale] = amount(max);
  if (min <= 1) return `Up to ${b} ${bScale} ${unit}`;
  return aScale === bScale
    ? `Between ${a} and ${b} ${bScale} ${unit}`
    : `Between ${a} ${aScale} and ${b} ${bScale} ${unit}`.replace(/\s+/g, ' ');
}

/** `<1 month` -> "Less than 1 month", `1–3 months` -> "Between 1 and 3 months". */
function spelledRange(label: string): string {
  return label
    .replace(/^<\s*/, 'Less than ')
    .replace(/^>\s*/, 'More than ')
    .replace(/^(\d+(?:\.\d+)?)\s*[–-]\s*(\d+(?:\.\d+)?)/, 'Between $1 and $2');
}
