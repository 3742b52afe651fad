/**
 * Versions and history: a history whose version numbers go backwards (its dates are rules/dates.ts's
 * `date.order`), and, against the version last committed or released when the caller supplies it
 * (`ctx.previous`), content changed under an unchanged version number and date, and a history entry removed
 * while Transparency Measure 1.1 asks for earlier versions to be kept.
 */
import { addMonths, parseIsoDate, type IsoDate } from '../values';
import { cite, KEYS, ref, thresholds, type PathSegment } from '../catalogue';
import { fieldChanges } from '../diff';
import { diffGroups } from '../diffGroups';
import { fileModel as fileModelOf, type Answer, type FileModel } from '../model';
import { normaliseText } from '../diffValues';
import { nextVersion } from '../versionEdits';
import { excerpt } from './common';
import { defineRule, type CodeInfo, type CodesOf, type Finding, type RuleContext } from './types';

const codes = [
  { code: 'history.version-order', title: 'A version number lower than an earlier one', severity: 'warning' },
  {
    code: 'version.unchanged',
    title: 'Content changed since the last committed version, under the same version and date',
    severity: 'warning',
    fixable: true,
  },
  {
    code: 'history.removed',
    title: 'A history entry removed while earlier versions must be kept',
    severity: 'warning',
  },
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

const VERSION = KEYS.document.version;
const LAST_UPDATED = KEYS.document.last_updated;
const HISTORY = KEYS.document.history;
const UNION_RELEASE = KEYS.general_information.union_market_release_date;
const RETENTION = thresholds.documentationRetentionYears;

/** Items named in a history entry the quick-fix writes; the rest are counted. */
const NAMED_ITEMS = 6;

export const history = defineRule({
  name: 'history',
  codes,
  check(ctx) {
    // A previous version that does not parse says nothing reliable about what changed.
    const comparable = ctx.previous && !ctx.previous.doc.yaml.errors.length ? ctx : { ...ctx, previous: undefined };
    return [...versionOrder(ctx.model), ...unchanged(comparable), ...removed(comparable)];
  },
});

// ---- Version numbers going backwards ----------------------------------------------------------------------

/** `2.1` → [2, 1], `v3` → [3]; undefined for a version that is not dotted numbers. */
function versionNumbers(text: string | undefined): number[] | undefined {
  const m = /^\s*v?(\d+(?:\.\d+)*)\s*$/i.exec(text ?? '');
  return m ? m[1].split('.').map(Number) : undefined;
}

const versionOf = (answer: Answer) => versionNumbers(answer.text);

function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

function versionOrder(model: FileModel): Finding<Code>[] {
  const out: Finding<Code>[] = [];
  let highest: { text: string; numbers: number[] } | undefined;
  for (const entry of model.entries(HISTORY.path)) {
    const answer = model.child(entry, ...HISTORY.each.version.rel);
    if (!answer) continue;
    const { path } = answer;
    const text = answer.text?.trim() ?? '';
    const numbers = answer.fact(versionOf);
    if (!numbers) continue;
    if (highest && compareVersions(numbers, highest.numbers) <= 0) {
      const same = compareVersions(numbers, highest.numbers) === 0;
      out.push({
        code: 'history.version-order',
        range: model.range(path),
        id: HISTORY.id,
        message: same
          ? `Version ${excerpt(text)} is in the history twice. Each version has one entry, with the date it was issued: remove or renumber the repeated one.`
          : `This history entry is version ${excerpt(text)}, lower than version ${excerpt(highest.text)} above it. Keep the history oldest first and number each version higher than the one before.`,
      });
    }
    if (!highest || compareVersions(numbers, highest.numbers) > 0) highest = { text, numbers };
  }
  const current = model.text(VERSION.path)?.trim() ?? '';
  const numbers = versionNumbers(current);
  if (numbers && highest && compareVersions(numbers, highest.numbers) < 0)
    out.push({
      code: 'history.version-order',
      range: model.range(VERSION.path),
      id: VERSION.id,
      message: `The document is version ${excerpt(current)}, lower than version ${excerpt(highest.text)} in its history. The current version is the latest: give it a number above every earlier one.`,
    });
  return out;
}

// ---- Changed under the same version -----------------------------------------------------------------------

/** The header's own fields: changing them is what a new version does, not content. */
function isVersionField(path: readonly PathSegment[]): boolean {
  return [VERSION.path, LAST_UPDATED.path, HISTORY.path].some(
    (p) => p.length <= path.length && p.every((seg, i) => seg === path[i]),
  );
}

function unchanged(ctx: RuleContext): Finding<Code>[] {
  const previous = ctx.previous;
  if (!previous) return [];
  const text = (model: FileModel, path: readonly PathSegment[]) => model.text(path)?.trim();
  const version = text(ctx.model, VERSION.path);
  const date = text(ctx.model, LAST_UPDATED.path);
  const old = fileModelOf(previous.doc);
  if (!version || version !== text(old, VERSION.path) || date !== text(old, LAST_UPDATED.path)) return [];
  const content = fieldChanges(previous.doc, ctx.doc).filter(
    (f) => f.change.kind !== 'reworded' && !isVersionField(f.path),
  );
  if (!content.length) return [];
  const items = diffGroups(content, {}, {}).groups.flatMap((g) => g.items.map((i) => i.ref));
  const next = nextVersion(version);
  const listed = listOf(items);
  return [
    {
      code: 'version.unchanged',
      range: ctx.model.range(VERSION.path),
      id: VERSION.id,
      message: `${listed} changed since ${previous.label}, but the document is still version ${excerpt(version)}${date ? ` of ${date}` : ''}. Readers who hold version ${excerpt(version)} cannot tell the two apart: give this one a new version number and date, and record it in the history.`,
      fix: {
        kind: 'new-version',
        version: next,
        date: ctx.today.iso,
        changes: `Changed ${listed}.`,
        title: `Make this version ${next} of ${ctx.today.iso}, with a history entry`,
      },
    },
  ];
}

/** "Form 2.9", "Form 2.9 and Form 4.2", "Form 2.9, Form 4.2, … and 3 more items". */
function listOf(refs: readonly string[]): string {
  if (refs.length === 1) return refs[0];
  if (refs.length <= NAMED_ITEMS) return `${refs.slice(0, -1).join(', ')} and ${refs[refs.length - 1]}`;
  const rest = refs.length - NAMED_ITEMS;
  return `${refs.slice(0, NAMED_ITEMS).join(', ')} and ${rest} more ${rest === 1 ? 'item' : 'items'}`;
}

// ---- History entries removed ------------------------------------------------------------------------------

interface HistoryEntry {
  readonly version?: string;
  readonly date?: string;
  readonly changes?: string;
}

function entries(model: FileModel): HistoryEntry[] {
  return model.entries(HISTORY.path).map((entry) => {
    const at = (rel: readonly string[]) => model.text([...entry.path, ...rel])?.trim() || undefined;
    return {
      version: at(HISTORY.each.version.rel),
      date: at(HISTORY.each.date.rel),
      changes: at(HISTORY.each.changes.rel),
    };
  });
}

/** The same entry: the same version number, or, without one, the same date and changes. */
function sameEntry(a: HistoryEntry, b: HistoryEntry): boolean {
  if (a.version || b.version) return a.version === b.version;
  return a.date === b.date && normaliseText(a.changes ?? '') === normaliseText(b.changes ?? '');
}

function removed(ctx: RuleContext): Finding<Code>[] {
  if (!ctx.previous) return [];
  const placed = parseIsoDate(ctx.model.text(UNION_RELEASE.path) ?? '');
  const until: IsoDate | undefined = placed && addMonths(placed, RETENTION.value * 12);
  if (until && until.iso <= ctx.asOf.iso) return [];
  const now = entries(ctx.model);
  const gone = entries(fileModelOf(ctx.previous.doc)).filter((e) => !now.some((n) => sameEntry(e, n)));
  return gone.map((entry) => {
    const what = entry.version ? `version ${excerpt(entry.version)}` : 'an earlier version';
    const when = entry.date ? ` (${entry.date})` : '';
    const keep = until
      ? `until ${until.iso}, ${RETENTION.value} years after the model was placed on the Union market on ${placed!.iso}`
      : `for ${RETENTION.value} years after the model is placed on the Union market`;
    return {
      code: 'history.removed' as const,
      range: ctx.model.range(HISTORY.path),
      id: RETENTION.measure,
      message: `The history entry of ${what}${when} in ${ctx.previous!.label} is gone. ${ref(RETENTION.measure)} asks you to keep earlier versions of the documentation ${keep}: restore the entry (${cite(HISTORY.id)}).`,
    };
  });
}
