/**
 * Code actions from diagnostics' fix data (never their message text): a quick-fix per fixable diagnostic,
 * one that adds every missing key of a block at once, the source action "Add all missing items" and
 * fix-all for the other fixes. The edits come from edits.ts.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionContext,
  type Diagnostic,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-types';
import { CodeActionKinds } from '../../../shared/names';
import { cite, entry, itemLabel, keySpecAt, titleOf as entryTitle, type PathSegment } from './catalogue';
import { getDiagnostics, type DiagnosticOptions } from './diagnostics';
import { memo, parseGpai, type GpaiDocument } from './document';
import { fileModel } from './model';
import { applyEdits, fixEdits, insertKeys, type KeyInsertion } from './edits';
import type { DiagnosticData, FixData } from './rules/types';

export const ADD_MISSING_KIND = CodeActionKinds.addMissing;
export const FIX_ALL_KIND = CodeActionKinds.fixAll;

/**
 * The actions for a range. `context.diagnostics` are those the client shows there; the source actions work
 * over all the document's diagnostics, computed with the writer's `options` (severities, today).
 */
export function getCodeActions(
  doc: GpaiDocument,
  _range: Range,
  context: CodeActionContext,
  options: DiagnosticOptions = {},
): CodeAction[] {
  const all = getDiagnostics(doc, options).diagnostics;
  const actions: CodeAction[] = [];
  if (wants(context, CodeActionKind.QuickFix)) actions.push(...quickFixes(doc, context.diagnostics, all));
  if (wants(context, ADD_MISSING_KIND)) {
    const action = addAllMissing(doc, all, options);
    if (action) actions.push(action);
  }
  if (wants(context, FIX_ALL_KIND)) {
    const action = fixAll(doc, all);
    if (action) actions.push(action);
  }
  return actions;
}

/** Whether the client asked for this kind: no filter (every kind), or the kind or one of its parents. */
function wants(context: CodeActionContext, kind: string): boolean {
  if (!context.only?.length) return true;
  return context.only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

/** The fix data a diagnostic carries. The server's own always carry theirs: no need to look them up. */
function ownFix(d: Diagnostic): FixData | undefined {
  return (d.data as DiagnosticData | undefined)?.fix;
}

/** The fix data of a diagnostic as the client sent it back, or as the server has it now. */
function fixOf(d: Diagnostic, all: readonly Diagnostic[]): FixData | undefined {
  const own = ownFix(d);
  if (own) return own;
  const same = all.find((x) => x.code === d.code && sameRange(x.range, d.range) && x.message === d.message);
  return (same?.data as DiagnosticData | undefined)?.fix;
}

function quickFixes(doc: GpaiDocument, diagnostics: readonly Diagnostic[], all: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const byParent = new Map<string, { parent: readonly PathSegment[]; keys: string[]; diagnostics: Diagnostic[] }>();
  for (const d of diagnostics) {
    const fix = fixOf(d, all);
    if (!fix) continue;
    const edits = fixEdits(doc, fix);
    if (!edits.length) continue;
    actions.push(
      action(
        doc,
        titleOf(fix),
        CodeActionKind.QuickFix,
        edits,
        [d],
        fix.kind !== 'insert-keys' || diagnostics.length === 1,
      ),
    );
    if (fix.kind === 'insert-keys') {
      const id = JSON.stringify(fix.parent);
      const group = byParent.get(id) ?? { parent: fix.parent, keys: [], diagnostics: [] };
      group.keys.push(...fix.keys.filter((k) => !group.keys.includes(k)));
      group.diagnostics.push(d);
      byParent.set(id, group);
    }
  }
  const groups = [...byParent.values()]
    .filter((g) => g.keys.length > 1)
    .map((g) => {
      const edits = insertKeys(doc, [{ parent: g.parent, keys: g.keys }]);
      return action(doc, groupTitle(g.parent, g.keys.length), CodeActionKind.QuickFix, edits, g.diagnostics, true);
    });
  // The action that fixes the most comes first, and is the preferred one.
  if (groups.length) for (const a of actions) a.isPreferred = false;
  return [...groups, ...actions];
}

/**
 * Source action: every missing key of the document, each at its place, in one edit. The blocks it adds
 * are checked once more, so that keys the rules ask of a new block (a summary's link, the specified
 * risks) come with it.
 */
function addAllMissing(
  doc: GpaiDocument,
  all: readonly Diagnostic[],
  options: DiagnosticOptions,
): CodeAction | undefined {
  // An editor asks for code actions at each move of the cursor: this one is computed once per version.
  if (options.rules) return computeAddAllMissing(doc, all, options);
  const key = `add-all-missing:${options.today ?? ''}:${JSON.stringify(options.severity ?? {})}`;
  return memo(doc, key, () => computeAddAllMissing(doc, all, options));
}

function computeAddAllMissing(
  doc: GpaiDocument,
  all: readonly Diagnostic[],
  options: DiagnosticOptions,
): CodeAction | undefined {
  const requests = insertions(all);
  if (!requests.length) return undefined;
  let edits = insertKeys(doc, requests);
  const next = parseGpai(applyEdits(doc, edits), doc.uri, doc.version);
  const more = insertions(getDiagnostics(next, options).diagnostics).filter(
    (r) => r.parent.length && !fileModel(doc).pairAt(r.parent),
  );
  if (more.length) edits = insertKeys(doc, [...requests, ...more]);
  const fixed = all.filter((d) => ownFix(d)?.kind === 'insert-keys');
  return edits.length ? action(doc, 'Add all missing items', ADD_MISSING_KIND, edits, fixed, false) : undefined;
}

function insertions(diagnostics: readonly Diagnostic[]): KeyInsertion[] {
  return diagnostics.flatMap((d) => {
    const fix = ownFix(d);
    return fix?.kind === 'insert-keys' ? [{ parent: fix.parent, keys: fix.keys }] : [];
  });
}

/**
 * Fix-all: every fix that changes what is written (values, key names, stale suppressions). Adding the
 * missing items is its own source action: it writes many placeholder lines, which a save should not do; a
 * new version number is left to the writer.
 */
function fixAll(doc: GpaiDocument, all: readonly Diagnostic[]): CodeAction | undefined {
  const edits: TextEdit[] = [];
  const fixed: Diagnostic[] = [];
  for (const d of all) {
    const fix = ownFix(d);
    // A new version is the writer's decision, not a fix to apply on save.
    if (!fix || fix.kind === 'insert-keys' || fix.kind === 'new-version') continue;
    const mine = fixEdits(doc, fix);
    if (!mine.length || mine.some((e) => edits.some((o) => overlaps(o.range, e.range)))) continue;
    edits.push(...mine);
    fixed.push(d);
  }
  return edits.length
    ? action(doc, 'Fix all gpai-docs problems that have an obvious fix', FIX_ALL_KIND, edits, fixed, false)
    : undefined;
}

function action(
  doc: GpaiDocument,
  title: string,
  kind: string,
  edits: TextEdit[],
  diagnostics: Diagnostic[],
  preferred: boolean,
): CodeAction {
  return { title, kind, diagnostics, isPreferred: preferred || undefined, edit: { changes: { [doc.uri]: edits } } };
}

// ---- Titles, from the catalogue ---------------------------------------------------------------------

/** The title of one fix: "Add missing item: Training time (AI Office)", "Mark systemic risk as presumed". */
export function titleOf(fix: FixData): string {
  switch (fix.kind) {
    case 'set-value':
    case 'delete-range':
    case 'new-version':
      return fix.title;
    case 'rename-key':
      return `Rename to \`${fix.to}\``;
    case 'insert-keys':
      return fix.keys.length === 1 ? addTitle(fix.parent, fix.keys[0]) : groupTitle(fix.parent, fix.keys.length);
  }
}

function addTitle(parent: readonly PathSegment[], key: string): string {
  const spec = keySpecAt([...parent, key]);
  const e = entry(spec?.id);
  if (!e) return `Add \`${key}\``;
  switch (e.kind) {
    case 'form-item':
      return `Add missing item: ${itemLabel(e)}`;
    case 'form-section':
      return `Add Section ${e.number}: ${e.title}`;
    case 'chapter':
      return `Add the ${e.title} chapter`;
    case 'commitment':
      return `Add ${cite(e.id)}: ${e.title}`;
    case 'measure':
      return keySpecAt(parent)?.id === e.id
        ? `Add \`${key}\` to ${cite(e.id)}`
        : `Add the answer to ${cite(e.id)}: ${e.title}`;
    default:
      return `Add ${lowerFirst(entryTitle(e))} (\`${key}\`)`;
  }
}

/** "Add the missing items of Section 6", "Add the missing fields of Copyright Measure 1.3". */
function groupTitle(parent: readonly PathSegment[], count: number): string {
  const e = entry(parent.length ? keySpecAt(parent)?.id : undefined);
  switch (e?.kind) {
    case 'form-section':
      return `Add the missing items of Section ${e.number}`;
    case 'measure':
    case 'commitment':
      return `Add the ${count} missing parts of ${cite(e.id)}`;
  }
  const where = parent.length ? `\`${parent.filter((s) => typeof s === 'string').join('.')}\`` : 'the top level';
  return `Add the ${count} missing keys of ${where}`;
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/** Ranges that touch or overlap: two edits there could not both apply as written. */
function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) =>
    p.line < q.line || (p.line === q.line && p.character < q.character);
  return !(before(a.end, b.start) || before(b.end, a.start));
}
