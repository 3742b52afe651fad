/**
 * Dates: real calendar dates; the Union market release not before the first release; the document's last
 * update not before any history entry, history oldest first; documentation dated in the future; and, for a
 * model placed on the Union market before 2 August 2025, the Art. 111(3) deadline of 2 August 2027.
 */
import { isSeq } from 'yaml';
import { legacyDeadline, obligationsApplyDate } from '../catalogue';
import { nodeAt, nodeRange, anchorRange, scalarText, type GpaiDocument } from '../document';
import { parseIsoDate, parseMonth, type IsoDate } from '../values';
import { capForExemption, dotted, monthName, nameOf, NameOf, readableDate } from './common';
import type { CodeInfo, Finding, Rule, RuleContext } from './types';
import { textOf, valueRange, visited } from './walk';

const codes: readonly CodeInfo[] = [
  { code: 'date.invalid', title: 'A date that does not exist', severity: 'error' },
  { code: 'date.order', title: 'Dates in an impossible order', severity: 'error' },
  { code: 'date.future', title: 'The documentation is dated in the future', severity: 'warning' },
  {
    code: 'date.legacy-deadline',
    title: 'A model placed on the market before 2 August 2025: its deadline',
    severity: 'information',
  },
];

const ISO_SHAPE = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;
const MONTH_SHAPE = /^\s*(\d{4}-\d{2}|\d{2}\/\d{4})\s*$/;
const RELEASE = ['general_information', 'release_date'];
const UNION_RELEASE = ['general_information', 'union_market_release_date'];
const LAST_UPDATED = ['document', 'last_updated'];
const HISTORY = ['document', 'history'];
const SUMMARY_UPDATED = ['training_content_summary', 'last_updated'];

export const dates: Rule = {
  name: 'dates',
  codes,
  check(ctx) {
    const findings: Finding[] = [
      ...invalidDates(ctx),
      ...releaseOrder(ctx.doc),
      ...historyOrder(ctx.doc),
      ...future(ctx),
      ...legacy(ctx),
    ];
    return capForExemption(ctx, codes, findings);
  },
};

function invalidDates(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const v of visited(ctx.doc)) {
    if (v.spec.type !== 'date' && v.spec.type !== 'month') continue;
    const text = textOf(ctx.doc, v)?.trim();
    if (!text) continue;
    const where = () => `${NameOf(v.spec.id)} (\`${dotted(v.path)}\`)`;
    if (v.spec.type === 'date' && ISO_SHAPE.test(text) && !parseIsoDate(text)) {
      out.push({
        code: 'date.invalid',
        range: valueRange(ctx.doc, v),
        id: v.spec.id,
        message: `${where()}: ${text} is not a real date${whyNotReal(text)}. Write the date as YYYY-MM-DD.`,
      });
    } else if (v.spec.type === 'month' && MONTH_SHAPE.test(text) && !parseMonth(text)) {
      out.push({
        code: 'date.invalid',
        range: valueRange(ctx.doc, v),
        id: v.spec.id,
        message: `${where()}: ${text} is not a real month. Write it as YYYY-MM, the month between 01 and 12.`,
      });
    }
  }
  return out;
}

function whyNotReal(text: string): string {
  const [, y, m, d] = ISO_SHAPE.exec(text)!.map(Number);
  if (m < 1 || m > 12) return ` (there is no month ${String(m).padStart(2, '0')})`;
  const length = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d < 1 ? ' (there is no day 00)' : ` (${monthName(m)} ${y} has ${length} days)`;
}

function dateAt(doc: GpaiDocument, path: readonly (string | number)[]): IsoDate | undefined {
  return parseIsoDate(scalarText(doc, nodeAt(doc, path)) ?? '');
}

function rangeAt(doc: GpaiDocument, path: readonly (string | number)[]) {
  return nodeRange(doc, nodeAt(doc, path)) ?? anchorRange(doc, path);
}

function releaseOrder(doc: GpaiDocument): Finding[] {
  const release = dateAt(doc, RELEASE);
  const union = dateAt(doc, UNION_RELEASE);
  if (!release || !union || union.iso >= release.iso) return [];
  return [
    {
      code: 'date.order',
      range: rangeAt(doc, UNION_RELEASE),
      id: 'form/1.5',
      message: `${NameOf('form/1.5')} is ${union.iso}, before the ${nameOf('form/1.4')} of ${release.iso}. The release date is the first release through any channel, anywhere, so the Union release cannot come before it: correct one of the two dates.`,
    },
  ];
}

function historyOrder(doc: GpaiDocument): Finding[] {
  const history = nodeAt(doc, HISTORY);
  if (!isSeq(history)) return [];
  const out: Finding[] = [];
  let latest: { date: IsoDate; index: number } | undefined;
  history.items.forEach((_, i) => {
    const date = dateAt(doc, [...HISTORY, i, 'date']);
    if (!date) return;
    if (latest && date.iso < latest.date.iso) {
      out.push({
        code: 'date.order',
        range: rangeAt(doc, [...HISTORY, i, 'date']),
        id: 'format/history',
        message: `This history entry is dated ${date.iso}, before the entry above it (${latest.date.iso}). Keep the history oldest first, and check the date.`,
      });
    }
    if (!latest || date.iso >= latest.date.iso) latest = { date, index: i };
  });
  const updated = dateAt(doc, LAST_UPDATED);
  if (updated && latest && updated.iso < latest.date.iso) {
    out.push({
      code: 'date.order',
      range: rangeAt(doc, LAST_UPDATED),
      id: 'form/D.1',
      message: `${NameOf('form/D.1')} is ${updated.iso}, before the history entry ${latest.index + 1} dated ${latest.date.iso}. The current version is the latest: update the date, or correct the history.`,
    });
  }
  return out;
}

function future(ctx: RuleContext): Finding[] {
  const paths: (readonly (string | number)[])[] = [LAST_UPDATED, SUMMARY_UPDATED];
  const history = nodeAt(ctx.doc, HISTORY);
  if (isSeq(history)) history.items.forEach((_, i) => paths.push([...HISTORY, i, 'date']));
  return paths.flatMap((path) => {
    const date = dateAt(ctx.doc, path);
    if (!date || date.iso <= ctx.today.iso) return [];
    const id = path[0] === 'training_content_summary' ? 'tcs/H.2' : path.length > 2 ? 'format/history' : 'form/D.1';
    return [
      {
        code: 'date.future',
        range: rangeAt(ctx.doc, path),
        id,
        message: `\`${dotted(path)}\` is ${date.iso}, after today (${ctx.today.iso}). A document records when it was last updated: date it when the change is made.`,
      },
    ];
  });
}

function legacy(ctx: RuleContext): Finding[] {
  const union = ctx.applicability.unionRelease;
  if (!union || union.iso >= obligationsApplyDate() || ctx.asOf.iso >= legacyDeadline()) return [];
  return [
    {
      code: 'date.legacy-deadline',
      range: rangeAt(ctx.doc, UNION_RELEASE),
      id: 'form/1.5',
      provisions: ['Art. 111(3)'],
      message: `The model was placed on the Union market on ${union.iso}, before ${readableDate(obligationsApplyDate())}: under AI Act Art. 111(3) its documentation, copyright policy and training-content summary must comply by ${readableDate(legacyDeadline())}. Where training-data information cannot be retrieved, disclose and justify it in the training-content summary.`,
    },
  ];
}
