import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue } from '../../server/src/engine';
import { coverageBranch } from '../../server/src/engine/coverage';
import type { CoverageNode } from '../../shared/types';
import { getCoverage } from '../helpers/engine';
import { edit, example, lines, parse, ROOT } from '../helpers/text';

const KESTREL = example('kestrel-13b.gpai.yaml');

function find(nodes: readonly CoverageNode[], id: string): CoverageNode | undefined {
  for (const n of nodes) {
    if (n.id === id) return n;
    const inner = find(n.children ?? [], id);
    if (inner) return inner;
  }
  return undefined;
}

describe('coverage', () => {
  it('covers every applicable answer of a complete file', () => {
    const report = getCoverage(parse(KESTREL));
    assert.equal(report.percent, 100);
    assert.equal(report.classification.label, 'no systemic risk');
    assert.deepEqual(
      report.roots.map((r) => r.id),
      ['transparency', 'copyright', 'safety-security', 'format/training-content-summary'],
    );
  });

  it('orders the tree chapter, commitment, measure, section, item', () => {
    const report = getCoverage(parse(KESTREL));
    const t11 = find(report.roots, 'transparency/1.1')!;
    assert.deepEqual(
      t11.children!.slice(0, 3).map((c) => c.id),
      ['form/D.2', 'form/D.1', 'form/section-1'],
    );
    assert.deepEqual(
      find(report.roots, 'form/section-7')!.children!.map((c) => c.label),
      ['7.1', '7.2', '7.3', '7.4', '7.5'],
    );
  });

  it('marks the Safety and Security chapter not applicable without systemic risk, and says why', () => {
    const node = find(getCoverage(parse(KESTREL)).roots, 'safety-security')!;
    assert.equal(node.state, 'not-applicable');
    assert.match(node.reason, /no systemic risk/);
    assert.ok(node.children!.every((c) => c.state === 'not-applicable'));
  });

  it('counts a derived coarse value as covered, with the value it derives', () => {
    const item = find(getCoverage(parse(KESTREL)).roots, 'form/2.10')!;
    assert.equal(item.state, 'covered');
    assert.match(item.reason, /derived from form 2\.9: 5B-15B/);
  });

  it('never counts a placeholder or an empty answer as covered', () => {
    const text = edit(
      edit(KESTREL, / {2}model_architecture: .*\n/, '  model_architecture: TODO\n'),
      / {2}decision_rationale: >-\n( {4}.*\n)*/,
      '  decision_rationale:\n',
    );
    const roots = getCoverage(parse(text)).roots;
    const architecture = find(roots, 'form/2.1')!;
    assert.equal(architecture.state, 'partial');
    assert.match(architecture.reason, /placeholder text \(TODO\)/);
    const rationale = find(roots, 'form/5.2')!;
    assert.equal(rationale.state, 'missing');
    assert.match(rationale.reason, /empty answer/);
    assert.ok(getCoverage(parse(text)).percent < 100);
  });

  it('counts an allowed N/A as not applicable with its reason', () => {
    const item = find(getCoverage(parse(KESTREL)).roots, 'form/4.5')!;
    assert.equal(item.state, 'not-applicable');
    assert.match(item.reason, /answered N\/A: API access needs no specific hardware/);
  });

  it('marks Transparency not applicable under a valid open-source exemption', () => {
    const text = lines(
      'gpai: 1',
      'classification:',
      '  systemic_risk: none',
      '  open_source_exemption:',
      '    claimed: true',
      '    licence: Apache-2.0',
      '    licence_kind: free-and-open-source',
      '    weights: https://m.example/w',
      '    architecture: https://m.example/a',
      '    usage: https://m.example/u',
      '    monetised: false',
    );
    const report = getCoverage(parse(text));
    const transparency = find(report.roots, 'transparency')!;
    assert.equal(transparency.state, 'not-applicable');
    assert.match(transparency.reason, /open-source exemption, AI Act Art\. 53\(2\)/);
    assert.equal(find(report.roots, 'copyright')!.state, 'missing');
    assert.equal(report.classification.openSourceExemption, 'valid');
  });

  it('points each present answer at its key in the file', () => {
    const item = find(getCoverage(parse(KESTREL)).roots, 'form/7.4')!;
    assert.deepEqual(item.path, ['computational_resources', 'training_compute']);
    assert.equal(KESTREL.split('\n')[item.range!.start.line].trim().split(':')[0], 'training_compute');
  });

  it('shows a measure in progress as partial', () => {
    const text = edit(
      KESTREL,
      / {2}output_mitigations:\n {4}status: implemented/,
      '  output_mitigations:\n    status: in_progress',
    );
    const node = find(getCoverage(parse(text)).roots, 'copyright/1.4')!;
    assert.equal(node.state, 'partial');
    assert.match(node.reason, /in progress/);
  });
  it('gives each chapter, commitment and measure alone exactly as the whole tree has it, in every example', () => {
    const ids = [...catalogue.chapters, ...catalogue.commitments, ...catalogue.measures].map((e) => e.id);
    const files = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.gpai.yaml'));
    for (const name of files) {
      const whole = getCoverage(parse(example(name))).roots;
      // A parse of its own: no branch is reused from the whole tree's.
      const doc = parse(example(name));
      for (const id of ids) assert.deepEqual(coverageBranch(doc, id), find(whole, id), `${name}: ${id}`);
    }
    assert.ok(files.length >= 8 && ids.length > 50);
  });
});
