/**
 * The coverage and workspace trees as plain descriptors, built from the server's models: what each row
 * shows (label, counts, state icon and colour, tooltip, what changed since the earlier version) and what a
 * click does. Pure: no VS Code, so the mapping is tested on its own; coverageTree.ts and workspaceTree.ts
 * turn descriptors into TreeItems.
 */
import type { ChangeKind, FieldChange, ItemChange } from '../../../shared/changes';
import type { ChangeView } from '../../../shared/render/changeMarks';
import { sincePhrase, sinceVersion } from '../../../shared/render/changeWords';
import { openAnswers } from '../../../shared/completeness';
import type {
  CoverageCounts,
  CoverageNode,
  CoverageReport,
  CoverageState,
  PathSegment,
  Range,
  WorkspaceFileSummary,
} from '../../../shared/types';
import type { Translate } from '../translate';

/** A codicon and the theme colour it is drawn in. */
export interface Icon {
  readonly id: string;
  readonly color: string;
}

/** What a click on a row does. */
export type RowAction =
  /** Select the key in the editor. */
  | { readonly kind: 'reveal'; readonly range: Range }
  /**
   * The answer is missing: show where it would go and run the server's insertion quick-fix, found through
   * the diagnostic about the first of `ids` that has one (the item itself, then its enclosing blocks).
   */
  | {
      readonly kind: 'insert';
      readonly ids: readonly string[];
      readonly path: readonly PathSegment[];
      readonly near?: Range;
    };

export interface NodeRow {
  /** Unique in the tree and stable across refreshes, so expansion survives typing. */
  readonly key: string;
  readonly label: string;
  readonly description: string;
  /** Markdown. */
  readonly tooltip: string;
  readonly icon: Icon;
  readonly state: CoverageState;
  readonly collapsible: 'none' | 'collapsed' | 'expanded';
  /** `gpaiDocs.coverage.<state>`, for menus. */
  readonly contextValue: string;
  /** How the item changed since the earlier version; its icon then says so instead of its state. */
  readonly change?: ChangeKind;
  readonly action?: RowAction;
  readonly children: readonly NodeRow[];
}

export const STATE_ICONS: Readonly<Record<CoverageState, Icon>> = {
  covered: { id: 'pass-filled', color: 'testing.iconPassed' },
  partial: { id: 'circle-large-filled', color: 'problemsWarningIcon.foreground' },
  missing: { id: 'circle-large-outline', color: 'problemsErrorIcon.foreground' },
  'not-applicable': { id: 'circle-slash', color: 'disabledForeground' },
};

export function stateLabel(state: CoverageState, t: Translate): string {
  switch (state) {
    case 'covered':
      return t('covered');
    case 'partial':
      return t('partial');
    case 'missing':
      return t('missing');
    case 'not-applicable':
      return t('not applicable');
  }
}

/** `5/6`: covered leaves over applicable ones; `n/a` when none applies. */
/** The coverage view's badge: the answers still missing or partial (shared/completeness.ts), none when 0. */
export function coverageBadge(report: CoverageReport, t: Translate): { value: number; tooltip: string } | undefined {
  const open = openAnswers(report.counts);
  return open ? { value: open, tooltip: t('{0} answers missing or partial', open) } : undefined;
}

export function countsText(counts: CoverageCounts, t: Translate): string {
  const applicable = counts.total - counts.notApplicable;
  return applicable > 0 ? `${counts.covered}/${applicable}` : t('n/a');
}

/** A changed item's icon, drawn in the colours the Explorer gives files changed in git. */
export const CHANGE_ICONS: Readonly<Record<ChangeKind, Icon>> = {
  changed: { id: 'diff-modified', color: 'gitDecoration.modifiedResourceForeground' },
  added: { id: 'diff-added', color: 'gitDecoration.addedResourceForeground' },
  removed: { id: 'diff-removed', color: 'gitDecoration.deletedResourceForeground' },
  reworded: { id: 'diff-modified', color: 'descriptionForeground' },
};

/** "changed since v2.1". */
export function changeLabel(kind: ChangeKind, since: string, t: Translate): string {
  switch (kind) {
    case 'changed':
      return t('changed since {0}', since);
    case 'added':
      return t('added since {0}', since);
    case 'removed':
      return t('removed since {0}', since);
    case 'reworded':
      return t('reworded since {0}', since);
  }
}

/** The changes by item, and how rows name the earlier version. */
interface Changes {
  readonly byId: ReadonlyMap<string, ItemChange>;
  /** `v2.1`, or where the earlier version was read. */
  readonly since: string;
  /** "version 2.1 of 2025-10-14 (HEAD)". */
  readonly phrase: string;
}

/**
 * The rows of a coverage report, in the server's order. With `changes` (since an earlier version), a changed
 * item or measure says how and shows its old values in its tooltip, and a branch counts its changed rows.
 */
export function coverageRows(report: CoverageReport, t: Translate, changes?: ChangeView): NodeRow[] {
  return rowsOf(report.roots, [], '', t, changes && indexOf(changes));
}

function indexOf(view: ChangeView): Changes {
  const byId = new Map(view.changes.groups.flatMap((g) => g.items.map((i) => [i.id, i] as const)));
  const { old } = view.changes;
  return { byId, since: sinceVersion(old, view.source), phrase: sincePhrase(old, view.source) };
}

function rowsOf(
  nodes: readonly CoverageNode[],
  ancestors: readonly CoverageNode[],
  parentKey: string,
  t: Translate,
  changes: Changes | undefined,
): NodeRow[] {
  const seen = new Map<string, number>();
  return nodes.map((node) => {
    const n = seen.get(node.id) ?? 0;
    seen.set(node.id, n + 1);
    const key = `${parentKey}/${node.id}${n ? `~${n}` : ''}`;
    return nodeRow(node, ancestors, key, t, changes);
  });
}

function nodeRow(
  node: CoverageNode,
  ancestors: readonly CoverageNode[],
  key: string,
  t: Translate,
  changes: Changes | undefined,
): NodeRow {
  const children = rowsOf(node.children ?? [], [...ancestors, node], key, t, changes);
  const isBranch = children.length > 0;
  const text = node.title && node.title !== node.label ? node.title : '';
  const change = changes?.byId.get(node.id);
  const changedBelow = isBranch ? countChanged(children) : 0;
  // What changed comes before the title, which the view cuts first when it is narrow.
  const description = [
    change ? changeLabel(change.kind, changes!.since, t) : '',
    isBranch || (node.kind !== 'item' && node.kind !== 'evidence') ? countsText(node.counts, t) : '',
    changedBelow ? t('{0} changed', changedBelow) : '',
    text,
  ]
    .filter(Boolean)
    .join(' · ');
  return {
    key,
    label: node.label,
    description,
    tooltip: [tooltip(node, t), change ? changeTooltip(change, changes!, t) : ''].filter(Boolean).join('\n\n'),
    icon: change ? CHANGE_ICONS[change.kind] : STATE_ICONS[node.state],
    state: node.state,
    ...(change ? { change: change.kind } : {}),
    collapsible: !isBranch
      ? 'none'
      : node.kind === 'chapter' && node.state !== 'not-applicable'
        ? 'expanded'
        : 'collapsed',
    contextValue: `gpaiDocs.coverage.${node.state}`,
    action: actionOf(node, ancestors),
    children,
  };
}

/** Rows below that changed, each counted once (a measure and its items are rows of their own). */
function countChanged(rows: readonly NodeRow[]): number {
  return rows.reduce((n, r) => n + (r.change ? 1 : 0) + countChanged(r.children), 0);
}

/** Values longer than this are cut in a tooltip, which is no place to read a paragraph. */
const TOOLTIP_VALUE = 160;

function changeTooltip(change: ItemChange, changes: Changes, t: Translate): string {
  const head = `**${md(changeLabel(change.kind, changes.phrase, t))}**`;
  const lines = change.changes.map((c) => `- ${fieldText(c, t)}`);
  return [head, lines.join('\n')].join('\n\n');
}

function fieldText(change: FieldChange, t: Translate): string {
  const value = (text: string | undefined) => {
    const line = (text ?? '').replace(/\s+/g, ' ').trim();
    return md(line.length > TOOLTIP_VALUE ? `${line.slice(0, TOOLTIP_VALUE - 1)}…` : line);
  };
  const name = change.field ? `${md(change.field)}: ` : '';
  switch (change.kind) {
    case 'added':
      return change.field ? `${name}${t('added')} “${value(change.new)}”` : t('not written before');
    case 'removed':
      return `${name}${t('removed, was')} “${value(change.old)}”`;
    case 'changed':
      return `${name}${t('was')} “${value(change.old)}”`;
    case 'reworded':
      return `${name}${t('same meaning, was')} “${value(change.old)}”`;
  }
}

function tooltip(node: CoverageNode, t: Translate): string {
  const head =
    node.title && node.title !== node.label ? `**${md(node.label)}** “${md(node.title)}”` : `**${md(node.label)}**`;
  const label = stateLabel(node.state, t);
  // The server's reasons for "not applicable" already start with it.
  const state = node.reason.startsWith(`${label}:`) ? md(node.reason) : `${label}: ${md(node.reason)}`;
  const applicable = node.counts.total - node.counts.notApplicable;
  const counts =
    node.counts.total > 1 && applicable > 0
      ? t(
          '{0} of {1} answers covered, {2} partial, {3} missing',
          node.counts.covered,
          applicable,
          node.counts.partial,
          node.counts.missing,
        )
      : '';
  const hint = node.state === 'missing' && !node.range ? t('Click to add it with the quick-fix.') : '';
  return [head, state, counts, hint].filter(Boolean).join('\n\n');
}

function actionOf(node: CoverageNode, ancestors: readonly CoverageNode[]): RowAction | undefined {
  if (node.range) return { kind: 'reveal', range: node.range };
  if (node.state !== 'missing' && node.state !== 'partial') return undefined;
  const chain = [node, ...[...ancestors].reverse()];
  const ids = [...new Set(chain.flatMap((n) => [n.id, n.id.replace(/#.*$/, '')]))];
  const near = chain.find((n) => n.range)?.range;
  return { kind: 'insert', ids, path: node.path ?? [], ...(near ? { near } : {}) };
}

/** Markdown-escape text from the model (titles and reasons are plain text). */
function md(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, (c) => `\\${c}`);
}

// ---- Workspace --------------------------------------------------------------------------------------

export interface FileRow {
  readonly uri: string;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly icon: Icon;
}

/** One row per file, the least documented first, so that what lags is on top. */
export function workspaceRows(
  files: readonly WorkspaceFileSummary[],
  relativePath: (uri: string) => string,
  t: Translate,
): FileRow[] {
  return [...files]
    .sort((a, b) => a.percent - b.percent || relativePath(a.uri).localeCompare(relativePath(b.uri)))
    .map((f) => fileRow(f, relativePath(f.uri), t));
}

export function fileRow(file: WorkspaceFileSummary, relative: string, t: Translate): FileRow {
  const name = relative.replace(/^.*\//, '');
  const problems = [
    file.errors === 1 ? t('1 error') : file.errors ? t('{0} errors', file.errors) : '',
    file.warnings === 1 ? t('1 warning') : file.warnings ? t('{0} warnings', file.warnings) : '',
  ].filter(Boolean);
  const state: CoverageState = file.errors ? 'missing' : file.percent >= 100 && !file.warnings ? 'covered' : 'partial';
  return {
    uri: file.uri,
    label: name,
    description: [file.classification.label, `${file.percent} %`, ...problems].join(' · '),
    tooltip: [
      `**${md(relative)}**`,
      `${md(file.classification.label)} · ${t('{0} % covered', file.percent)} (${countsText(file.counts, t)})`,
      problems.length ? problems.join(', ') : t('no errors or warnings'),
    ].join('\n\n'),
    icon: STATE_ICONS[state],
  };
}
