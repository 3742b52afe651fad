import * as assert from 'node:assert/strict';
import type {
  CoverageCounts,
  CoverageNode,
  CoverageReport,
  CoverageState,
  WorkspaceFileSummary,
} from '../../../shared/types';
import type { ChangeKind, FieldChange, ItemChange } from '../../../shared/changes';
import type { ChangeView } from '../../../shared/render/changeMarks';
import {
  CHANGE_ICONS,
  coverageRows,
  countsText,
  STATE_ICONS,
  workspaceRows,
  type NodeRow,
} from '../../../client/src/coverage/treeModel';
import { plain } from '../../../client/src/translate';
import { getCoverage, testEngine } from '../../helpers/engine';
import { edit, example, parse } from '../../helpers/text';

const range = (line: number) => ({ start: { line, character: 2 }, end: { line, character: 10 } });

function counts(covered: number, partial: number, missing: number, notApplicable = 0): CoverageCounts {
  return { covered, partial, missing, notApplicable, total: covered + partial + missing + notApplicable };
}

function leaf(
  id: string,
  label: string,
  title: string,
  state: CoverageState,
  reason: string,
  extra: Partial<CoverageNode> = {},
): CoverageNode {
  const one = counts(
    state === 'covered' ? 1 : 0,
    state === 'partial' ? 1 : 0,
    state === 'missing' ? 1 : 0,
    state === 'not-applicable' ? 1 : 0,
  );
  return { id, kind: 'item', label, title, state, reason, counts: one, ...extra };
}

const section = {
  id: 'form/section-7',
  kind: 'section',
  label: 'Section 7',
  title: 'Computational resources',
  state: 'partial',
  reason: '1/3 covered · 1 partial · 1 missing',
  counts: counts(1, 1, 1),
  range: range(40),
  path: ['computational_resources'],
  children: [
    leaf('form/7.4', '7.4', 'Training compute', 'covered', 'written', {
      range: range(42),
      path: ['computational_resources', 'training_compute'],
    }),
    leaf('form/7.5', '7.5', 'Measurement methodology', 'partial', 'placeholder text (TODO)', { range: range(43) }),
    leaf('form/7.2', '7.2', 'Training time', 'missing', 'not written', {
      path: ['computational_resources', 'training_time'],
    }),
  ],
} satisfies CoverageNode;

const report: CoverageReport = {
  uri: 'file:///m.gpai.yaml',
  version: 3,
  percent: 33,
  counts: counts(1, 1, 1, 4),
  audiences: { 'ai-office': counts(1, 1, 1, 4), nca: counts(0, 1, 1, 2), downstream: counts(0, 1, 1, 2) },
  classification: {
    systemicRisk: 'none',
    hasSystemicRisk: false,
    openSourceExemption: 'not-claimed',
    modified: false,
    legacy: false,
    label: 'no systemic risk',
  },
  roots: [
    {
      id: 'transparency',
      kind: 'chapter',
      label: 'Transparency',
      title: 'Transparency chapter',
      state: 'partial',
      reason: '1/3 covered',
      counts: counts(1, 1, 1),
      children: [section],
    },
    {
      id: 'safety-security',
      kind: 'chapter',
      label: 'Safety and Security',
      title: 'Safety and Security chapter',
      state: 'not-applicable',
      reason: 'not applicable: the model has no systemic risk',
      counts: counts(0, 0, 0, 4),
      children: [
        {
          id: 'safety-security/1',
          kind: 'commitment',
          label: 'Commitment 1',
          title: 'Safety and Security Framework',
          state: 'not-applicable',
          reason: 'not applicable: the model has no systemic risk',
          counts: counts(0, 0, 0, 4),
          children: [],
        },
      ],
    },
  ],
};

const walk = (rows: readonly NodeRow[]): NodeRow[] => rows.flatMap((r) => [r, ...walk(r.children)]);
const rowOf = (rows: readonly NodeRow[], label: string) => walk(rows).find((r) => r.label === label)!;

describe('coverage tree model', () => {
  it('keeps the server order: chapter, then its commitments, measures and items', () => {
    const rows = coverageRows(report, plain);
    assert.deepEqual(
      rows.map((r) => r.label),
      ['Transparency', 'Safety and Security'],
    );
    assert.deepEqual(
      rows[0].children[0].children.map((r) => r.label),
      ['7.4', '7.5', '7.2'],
    );
  });

  it('describes a branch by covered over applicable answers, then its title', () => {
    const rows = coverageRows(report, plain);
    assert.equal(rowOf(rows, 'Section 7').description, '1/3 · Computational resources');
    assert.equal(rowOf(rows, 'Transparency').description, '1/3 · Transparency chapter');
    assert.equal(rowOf(rows, 'Safety and Security').description, 'n/a · Safety and Security chapter');
  });

  it('describes a form item by its title alone: the icon gives its state', () => {
    assert.equal(rowOf(coverageRows(report, plain), '7.4').description, 'Training compute');
  });

  it('draws each state with its own theme icon and colour', () => {
    const rows = coverageRows(report, plain);
    assert.deepEqual(rowOf(rows, '7.4').icon, STATE_ICONS.covered);
    assert.deepEqual(rowOf(rows, '7.5').icon, { id: 'circle-large-filled', color: 'problemsWarningIcon.foreground' });
    assert.deepEqual(rowOf(rows, '7.2').icon, { id: 'circle-large-outline', color: 'problemsErrorIcon.foreground' });
    assert.deepEqual(rowOf(rows, 'Safety and Security').icon, { id: 'circle-slash', color: 'disabledForeground' });
    assert.equal(new Set(Object.values(STATE_ICONS).map((i) => i.id)).size, 4);
  });

  it('says why in the tooltip', () => {
    const rows = coverageRows(report, plain);
    assert.match(rowOf(rows, '7.5').tooltip, /partial: placeholder text \(TODO\)/);
    assert.match(
      rowOf(rows, 'Safety and Security').tooltip,
      /^(?!.*not applicable: not applicable).*\n\nnot applicable: the model has no systemic risk/s,
    );
    assert.match(rowOf(rows, 'Section 7').tooltip, /1 of 3 answers covered, 1 partial, 1 missing/);
  });

  it('reveals a written key and offers the quick-fix for a missing one, nearest enclosing block first', () => {
    const rows = coverageRows(report, plain);
    assert.deepEqual(rowOf(rows, '7.4').action, { kind: 'reveal', range: range(42) });
    assert.deepEqual(rowOf(rows, '7.2').action, {
      kind: 'insert',
      ids: ['form/7.2', 'form/section-7', 'transparency'],
      path: ['computational_resources', 'training_time'],
      near: range(40),
    });
    assert.equal(rowOf(rows, 'Safety and Security').action, undefined);
  });

  it('expands applicable chapters and collapses the rest', () => {
    const rows = coverageRows(report, plain);
    assert.equal(rows[0].collapsible, 'expanded');
    assert.equal(rows[1].collapsible, 'collapsed');
    assert.equal(rowOf(rows, 'Section 7').collapsible, 'collapsed');
    assert.equal(rowOf(rows, '7.4').collapsible, 'none');
    assert.equal(rowOf(rows, 'Commitment 1').collapsible, 'none');
  });

  it('gives every row of a real report a unique key that survives a refresh', () => {
    const real = getCoverage(parse(example('kestrel-13b.gpai.yaml')));
    const keys = walk(coverageRows(real, plain)).map((r) => r.key);
    assert.equal(new Set(keys).size, keys.length);
    assert.deepEqual(
      walk(coverageRows(real, plain)).map((r) => r.key),
      keys,
    );
    assert.ok(keys.length > 100);
  });

  it('passes every text through the translation function', () => {
    const upper = (m: string, ...a: Array<string | number | boolean>) => plain(m, ...a).toUpperCase();
    const rows = coverageRows(report, upper);
    assert.equal(rowOf(rows, 'Safety and Security').description.startsWith('N/A'), true);
    assert.match(rowOf(rows, '7.5').tooltip, /PARTIAL: placeholder/);
  });

  it('counts n/a when nothing applies', () => {
    assert.equal(countsText(counts(0, 0, 0, 3), plain), 'n/a');
    assert.equal(countsText(counts(5, 0, 1, 2), plain), '5/6');
  });
});

describe('workspace tree model', () => {
  const file = (
    name: string,
    percent: number,
    errors: number,
    warnings: number,
    label = 'no systemic risk',
  ): WorkspaceFileSummary => ({
    uri: `file:///ws/${name}`,
    percent,
    errors,
    warnings,
    counts: counts(percent, 0, 100 - percent),
    classification: { ...report.classification, label },
  });
  const relative = (uri: string) => uri.replace('file:///ws/', '');

  it('lists the least documented file first', () => {
    const rows = workspaceRows(
      [file('b.gpai.yaml', 100, 0, 0), file('a.gpai.yaml', 40, 2, 1), file('c.gpai.yaml', 40, 0, 0)],
      relative,
      plain,
    );
    assert.deepEqual(
      rows.map((r) => r.label),
      ['a.gpai.yaml', 'c.gpai.yaml', 'b.gpai.yaml'],
    );
  });

  it('shows classification, coverage and problems in the description', () => {
    const [row] = workspaceRows([file('models/a.gpai.yaml', 87, 2, 1, 'systemic risk')], relative, plain);
    assert.equal(row.label, 'a.gpai.yaml');
    assert.equal(row.description, 'systemic risk · 87 % · 2 errors · 1 warning');
    assert.match(row.tooltip, /models\/a\.gpai\.yaml/);
  });

  it('marks files with errors, with gaps, and complete ones differently', () => {
    const rows = workspaceRows([file('e', 90, 1, 0), file('w', 90, 0, 0), file('ok', 100, 0, 0)], relative, plain);
    assert.deepEqual(
      rows.map((r) => r.icon.id),
      [STATE_ICONS.missing.id, STATE_ICONS.partial.id, STATE_ICONS.covered.id],
    );
  });
});

describe('coverage tree model: changes since an earlier version', () => {
  const item = (id: string, kind: ChangeKind, changes: FieldChange[]): ItemChange => ({
    id,
    kind,
    ref: `Form ${id.slice(5)}`,
    label: id,
    recipients: ['ai-office'],
    changes,
  });
  const view: ChangeView = {
    source: 'HEAD',
    changes: {
      old: { version: '2.1', lastUpdated: '2025-10-14' },
      new: { version: '2.1', lastUpdated: '2025-10-14' },
      audience: 'all',
      counts: { changed: 1, added: 0, removed: 1, reworded: 0 },
      groups: [
        {
          id: 'form/section-7',
          title: 'Section 7',
          items: [
            item('form/7.4', 'changed', [
              { kind: 'changed', field: '', old: '3.1e23 `*x*`', new: '3.4e23', path: ['computational_resources'] },
            ]),
            item('form/7.2', 'removed', [
              { kind: 'removed', field: 'Days', old: '41', path: ['computational_resources'] },
            ]),
          ],
        },
      ],
    },
  };

  it('marks a changed item with its own icon and says since which version', () => {
    const rows = coverageRows(report, plain, view);
    const changed = rowOf(rows, '7.4');
    assert.deepEqual(changed.icon, CHANGE_ICONS.changed);
    assert.equal(changed.change, 'changed');
    assert.equal(changed.description, 'changed since v2.1 · Training compute');
    assert.deepEqual(rowOf(rows, '7.2').icon, CHANGE_ICONS.removed);
    assert.match(rowOf(rows, '7.2').description, /^removed since v2\.1/);
    assert.deepEqual(rowOf(rows, '7.5').icon, STATE_ICONS.partial, 'an unchanged item keeps its state');
    assert.notEqual(CHANGE_ICONS.changed.id, STATE_ICONS.covered.id);
  });

  it('keeps the state in the tooltip and adds what the value was, escaped', () => {
    const tooltip = rowOf(coverageRows(report, plain, view), '7.4').tooltip;
    assert.match(tooltip, /covered: written/);
    assert.match(tooltip, /\*\*changed since version 2\.1 of 2025-10-14 \(HEAD\)\*\*/);
    assert.ok(tooltip.includes('- was “3.1e23 \\`\\*x\\*\\`”'), tooltip);
    assert.match(rowOf(coverageRows(report, plain, view), '7.2').tooltip, /- Days: removed, was “41”/);
  });

  it('counts the changed rows under a branch', () => {
    const rows = coverageRows(report, plain, view);
    assert.equal(rowOf(rows, 'Section 7').description, '1/3 · 2 changed · Computational resources');
    assert.equal(rowOf(rows, 'Transparency').description, '1/3 · 2 changed · Transparency chapter');
    assert.doesNotMatch(rowOf(rows, 'Safety and Security').description, /changed/);
  });

  it('marks the rows of a real report from the engine diff', () => {
    const before = example('kestrel-13b.gpai.yaml');
    const after = edit(before, 'total_model_size: 1.3e10', 'total_model_size: 1.6e10');
    const changes = testEngine().diff(parse(before), parse(after));
    const rows = walk(coverageRows(getCoverage(parse(after)), plain, { changes, source: 'HEAD' }));
    const marked = rows.filter((r) => r.change).map((r) => r.label);
    assert.ok(marked.length >= 1 && marked.every((l) => /^2\.(9|10)$/.test(l)), JSON.stringify(marked));
    assert.ok(
      walk(coverageRows(getCoverage(parse(after)), plain)).every((r) => !r.change),
      'none without changes',
    );
  });
});
