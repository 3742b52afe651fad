/**
 * Dates: real calendar dates; the Union market release not before the first release; the document's last
 * update not before any history entry, history oldest first; documentation dated in the future; and, for a
 * model placed on the Union market before 2 August 2025, the Art. 111(3) deadline of 2 August 2027.
 */
import { KEYS, legacyDeadline, named, Named, obligationsApplyDate, type PathSegment } from '../catalogue';
import type { Answer, FileModel } from '../model';
import { parseIsoDate, parseMonth, type IsoDate } from '../values';
import { capForExemption, dotted, monthName, readableDate } from './common';
import { defineRule, type CodeInfo, type CodesOf, type Finding, type RuleContext } from './types';

const codes = [
  { code: 'date.invalid', title: 'A date that does not exist', severity: 'error' },
  { code: 'date.order', title: 'Dates in an impossible order', severity: 'error' },
  { code: 'date.future', title: 'The documentation is dated in the future', severity: 'warning' },
  {
    code: 'date.legacy-deadline',
    title: 'A model placed on the market before 2 August 2025: its deadline',
    severity: 'information',
  },
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

const ISO_SHAPE = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;
const MONTH_SHAPE = /^\s*(\d{4}-\d{2}|\d{2}\/\d{4})\s*$/;
const RELEASE = KEYS.general_information.release_date;
const UNION_RELEASE = KEYS.general_information.union_market_release_date;
const LAST_UPDATED = KEYS.document.last_updated;
const HISTORY = KEYS.document.history;
const SUMMARY_UPDATED = KEYS.training_content_summary.last_updated;

export const dates = defineRule({
  name: 'dates',
  codes,
  check(ctx) {
    const history = historyDates(ctx.model);
    const findings: Finding<Code>[] = [
      ...invalidDates(ctx),
      ...releaseOrder(ctx.model),
      ...historyOrder(ctx.model, history),
      ...future(ctx, history),
      ...legacy(ctx),
    ];
    return capForExemption(ctx, codes, findings);
  },
});

function invalidDates(ctx: RuleContext): Finding<Code>[] {
  const out: Finding<Code>[] = [];
  for (const v of ctx.model.all) {
    if (v.spec.type !== 'date' && v.spec.type !== 'month') continue;
    const verdict = v.fact(invalidDate);
    if (verdict) out.push({ ...verdict, range: v.range });
  }
  return out;
}

/** A date or month that does not exist, read from the value's text alone (the caller adds where). */
function invalidDate(v: Answer): Omit<Finding<Code>, 'range'> | undefined {
  const text = v.text?.trim();
  if (!text) return undefined;
  const where = () => `${Named(v.spec.id)} (\`${dotted(v.path)}\`)`;
  if (v.spec.type === 'date' && ISO_SHAPE.test(text) && !parseIsoDate(text)) {
    return {
      code: 'date.invalid',
      id: v.spec.id,
      message: `${where()}: ${text} is not a real date${whyNotReal(text)}. Write the date as YYYY-MM-DD.`,
    };
  }
  if (v.spec.type === 'month' && MONTH_SHAPE.test(text) && !parseMonth(text)) {
    return {
      code: 'date.invalid',
      id: v.spec.id,
      message: `${where()}: ${text} is not a real month. Write it as YYYY-MM, the month between 01 and 12.`,
    };
  }
  return undefined;
}

function whyNotReal(text: string): string {
  const [, y, m, d] = ISO_SHAPE.exec(text)!.map(Number);
  if (m < 1 || m > 12) return ` (there is no month ${String(m).padStart(2, '0')})`;
  const length = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d < 1 ? ' (there is no day 00)' : ` (${monthName(m)} ${y} has ${length} days)`;
}

function dateAt(model: FileModel, path: readonly PathSegment[]): IsoDate | undefined {
  return dateOf(model.at(path));
}

const isoDateOf = (answer: Answer) => parseIsoDate(answer.text ?? '');

function dateOf(answer: Answer | undefined): IsoDate | undefined {
  return answer?.fact(isoDateOf);
}

function releaseOrder(model: FileModel): Finding<Code>[] {
  const release = dateAt(model, RELEASE.path);
  const union = dateAt(model, UNION_RELEASE.path);
  if (!release || !union || union.iso >= release.iso) return [];
  return [
    {
      code: 'date.order',
      range: model.range(UNION_RELEASE.path),
      id: UNION_RELEASE.id,
      message: `${Named(UNION_RELEASE.id)} is ${union.iso}, before the ${named(RELEASE.id)} of ${release.iso}. The release date is the first release through any channel, anywhere, so the Union release cannot come before it: correct one of the two dates.`,
    },
  ];
}

/** The dates of the history's entries, with their paths, in the file's order. */
type Dated = { readonly path: readonly PathSegment[]; readonly date: IsoDate | undefined };

function historyDates(model: FileModel): Dated[] {
  return model.entries(HISTORY.path).map((entry) => {
    const answer = model.child(entry, ...HISTORY.each.date.rel);
    return { path: answer?.path ?? [...entry.path, ...HISTORY.each.date.rel], date: dateOf(answer) };
  });
}

function historyOrder(model: FileModel, history: readonly Dated[]): Finding<Code>[] {
  const out: Finding<Code>[] = [];
  let latest: { date: IsoDate; index: number } | undefined;
  history.forEach(({ path, date }, i) => {
    if (!date) return;
    if (latest && date.iso < latest.date.iso) {
      out.push({
        code: 'date.order',
        range: model.range(path),
        id: HISTORY.id,
        message: `This history entry is dated ${date.iso}, before the entry above it (${latest.date.iso}). Keep the history oldest first, and check the date.`,
      });
    }
    if (!latest || date.iso >= latest.date.iso) latest = { date, index: i };
  });
  const updated = dateAt(model, LAST_UPDATED.path);
  if (updated && latest && updated.iso < latest.date.iso) {
    out.push({
      code: 'date.order',
      range: model.range(LAST_UPDATED.path),
      id: LAST_UPDATED.id,
      message: `${Named(LAST_UPDATED.id)} is ${updated.iso}, before the history entry ${latest.index + 1} dated ${latest.date.iso}. The current version is the latest: update the date, or correct the history.`,
    });
  }
  return out;
}

function future(ctx: RuleContext, history: readonly Dated[]): Finding<Code>[] {
  const dated = [
    { path: LAST_UPDATED.path, id: LAST_UPDATED.id, date: dateAt(ctx.model, LAST_UPDATED.path) },
    { path: SUMMARY_UPDATED.path, id: SUMMARY_UPDATED.id, date: dateAt(ctx.model, SUMMARY_UPDATED.path) },
    ...history.map(({ path, date }) => ({ path, id: HISTORY.id, date })),
  ];
  return dated.flatMap(({ path, id, date }) => {
    if (!date || date.iso <= ctx.today.iso) return [];
    return [
      {
        code: 'date.future',
        range: ctx.model.range(path),
        id,
        message: `\`${dotted(path)}\` is ${date.iso}, after today (${ctx.today.iso}). A document records when it was last updated: date it when the change is made.`,
      },
    ];
  });
}

function legacy(ctx: RuleContext): Finding<Code>[] {
  const union = ctx.applicability.unionRelease;
  if (!union || union.iso >= obligationsApplyDate() || ctx.asOf.iso >= legacyDeadline()) return [];
  return [
    {
      code: 'date.legacy-deadline',
      range: ctx.model.range(UNION_RELEASE.path),
      id: UNION_RELEASE.id,
      provisions: ['Art. 111(3)'],
      message: `The model was placed on the Union market on ${union.iso}, before ${readableDate(obligationsApplyDate())}: under AI Act Art. 111(3) it must comply with every obligation of Chapter V by ${readableDate(legacyDeadline())}: the documentation, the copyright policy and the training-content summary, and, for a model with systemic risk, the obligations of Art. 55 (the Safety and Security chapter). Where training-data information cannot be retrieved, disclose and justify it in the copyright policy and the training-content summary.`,
    },
  ];
}
