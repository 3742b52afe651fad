import * as assert from 'node:assert/strict';
import { CodeActionKind, DiagnosticSeverity } from 'vscode-languageserver-types';
import { applyEdits, rules, type Code, type PreviousVersion } from '../../../server/src/engine';
import { parseGpai, testEngine, TODAY } from '../../helpers/engine';
import { edit, example } from '../../helpers/text';
import { withCode, type TestDiagnostic } from '../../helpers/diagnostics';

const KESTREL = example('kestrel-13b.gpai.yaml');
const LEGACY = example('kestrel-7b-2024.gpai.yaml');
const MEADOW = example('meadow-7b.gpai.yaml');
const history = rules.find((r) => r.name === 'history')!;
const engine = testEngine({ rules: [history] });

const previous = (text: string, label = 'HEAD'): PreviousVersion => ({ doc: parseGpai(text, `git:${label}`), label });

function findings(text: string, before: string | undefined, code: Code): TestDiagnostic[] {
  const doc = parseGpai(text, 'file:///model.gpai.yaml', 1);
  const options = before === undefined ? {} : { previous: previous(before) };
  return engine.checkNow(doc, options).diagnostics.filter((d) => d.code === code) as TestDiagnostic[];
}

/** The text after the quick-fix of the one `version.unchanged` finding. */
function bumped(text: string, before: string): string {
  const doc = parseGpai(text, 'file:///model.gpai.yaml', 1);
  const options = { previous: previous(before) };
  const [finding] = engine.checkNow(doc, options).diagnostics.filter((d) => d.code === 'version.unchanged');
  const actions = engine.codeActions(doc, finding.range, { diagnostics: [finding] }, options) ?? [];
  const fix = actions.find((a) => a.kind === CodeActionKind.QuickFix)!;
  assert.equal(fix.title, `Make this version 2.2 of ${TODAY}, with a history entry`);
  return applyEdits(doc, fix.edit!.changes!['file:///model.gpai.yaml']);
}

describe('rule history', () => {
  it('reports a history version lower than the one above it, or repeated, and a current version below the history', () => {
    const lower = edit(KESTREL, 'version: "2.0"', 'version: "0.9"');
    const [d] = withCode(lower, 'history.version-order');
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.match(d.message, /version 0\.9, lower than version 1\.0 above it/);
    assert.match(
      withCode(edit(KESTREL, 'version: "2.0"', 'version: "1.0"'), 'history.version-order')[0].message,
      /twice/,
    );
    const current = withCode(edit(KESTREL, 'version: "2.1"', 'version: "1.5"'), 'history.version-order');
    assert.equal(current.length, 1);
    assert.match(current[0].message, /The document is version 1\.5, lower than version 2\.0 in its history/);
  });

  it('leaves dates going backwards to date.order, and an ordered history alone', () => {
    assert.deepEqual(withCode(KESTREL, 'history.version-order'), []);
    assert.deepEqual(withCode(edit(KESTREL, 'date: 2025-09-02', 'date: 2025-07-01'), 'history.version-order'), []);
    assert.deepEqual(withCode(edit(KESTREL, 'version: "2.0"', 'version: "2.0-rc"'), 'history.version-order'), []);
  });

  it('says nothing about the last committed version when none is given', () => {
    const changed = edit(KESTREL, 'total_model_size: 1.3e10', 'total_model_size: 1.4e10');
    assert.deepEqual(findings(changed, undefined, 'version.unchanged'), []);
    assert.deepEqual(findings(changed, undefined, 'history.removed'), []);
  });

  it('reports content changed under the same version and date, naming the items', () => {
    let changed = edit(KESTREL, 'total_model_size: 1.3e10', 'total_model_size: 1.4e10');
    changed = edit(changed, 'customer-support assistance', 'customer support');
    const [d] = findings(changed, KESTREL, 'version.unchanged');
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.match(
      d.message,
      /^Form 2\.9 and Form 4\.2 changed since HEAD, but the document is still version 2\.1 of 2025-10-14\./,
    );
    assert.equal(d.range.start.line, KESTREL.split('\n').indexOf('  version: "2.1"'));
  });

  it('is quiet once the version or the date changed, for a rewording, and for formatting alone', () => {
    const changed = edit(KESTREL, 'total_model_size: 1.3e10', 'total_model_size: 1.4e10');
    assert.deepEqual(findings(edit(changed, 'version: "2.1"', 'version: "2.2"'), KESTREL, 'version.unchanged'), []);
    assert.deepEqual(
      findings(edit(changed, 'last_updated: 2025-10-14', 'last_updated: 2025-10-20'), KESTREL, 'version.unchanged'),
      [],
    );
    const reworded = edit(KESTREL, 'total_model_size: 1.3e10', 'total_model_size: 13,000,000,000');
    assert.deepEqual(findings(reworded, KESTREL, 'version.unchanged'), []);
    assert.deepEqual(findings(edit(KESTREL, /^# .*\n/m, ''), KESTREL, 'version.unchanged'), []);
  });

  it('fixes it with a new version, today, and a history entry summarising the changed items', () => {
    const changed = edit(KESTREL, 'total_model_size: 1.3e10', 'total_model_size: 1.4e10');
    const fixed = bumped(changed, KESTREL);
    assert.equal(
      fixed,
      edit(
        edit(edit(changed, 'version: "2.1"', 'version: "2.2"'), 'last_updated: 2025-10-14', `last_updated: ${TODAY}`),
        '      changes: Added Kestrel-13B-Instruct-2509 and updated the data figures.\n',
        `      changes: Added Kestrel-13B-Instruct-2509 and updated the data figures.\n    - version: "2.2"\n      date: ${TODAY}\n      changes: Changed Form 2.9.\n`,
      ),
    );
    assert.deepEqual(findings(fixed, KESTREL, 'version.unchanged'), []);
    assert.deepEqual(findings(fixed, KESTREL, 'history.version-order'), []);
    assert.deepEqual(
      testEngine()
        .checkNow(parseGpai(fixed), { previous: previous(KESTREL) })
        .diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error),
      [],
    );
  });

  it('writes the entry in the style of the history: a flow entry, or a history of its own', () => {
    const legacy = edit(LEGACY, 'version: "1.1"', 'version: "2.1"');
    const fixedFlow = bumped(edit(legacy, /training_energy: .*/, 'training_energy: 1.0e2 MWh'), legacy);
    assert.match(
      fixedFlow,
      new RegExp(
        `    - \\{ version: "1\\.0".*\\}\\n    - \\{ version: "2\\.2", date: ${TODAY}, changes: Changed Form 8\\.1\\. \\}\\n`,
      ),
    );
    const meadow = edit(MEADOW, 'version: "1.0"', 'version: "2.1"');
    const created = bumped(edit(meadow, /total_model_size: .*/, 'total_model_size: 7.0e9'), meadow);
    assert.match(
      created,
      new RegExp(
        `  last_updated: ${TODAY}\\n  history:\\n    - version: "2\\.2"\\n      date: ${TODAY}\\n      changes: Changed Form 2\\.9\\.\\n  requests_contact:`,
      ),
    );
  });

  it('leaves the new version out of fix-all', () => {
    const changed = edit(KESTREL, 'total_model_size: 1.3e10', 'total_model_size: 1.4e10');
    const doc = parseGpai(changed, 'file:///model.gpai.yaml', 1);
    const all = engine.codeActions(
      doc,
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      { diagnostics: [], only: ['source.fixAll'] },
      { previous: previous(KESTREL) },
    );
    assert.deepEqual(all, []);
  });

  it('reports a history entry removed within ten years of placement, citing Transparency Measure 1.1', () => {
    const removed = edit(KESTREL, / {4}- version: "1\.0"\n(?: {6}.*\n)+/, '');
    const [d] = findings(removed, KESTREL, 'history.removed');
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.match(
      d.message,
      /^The history entry of version 1\.0 \(2025-07-28\) in HEAD is gone\. Transparency Measure 1\.1 asks you to keep earlier versions of the documentation until 2035-08-04, 10 years after the model was placed on the Union market on 2025-08-04/,
    );
    assert.match(d.message, /\[Transparency Measure 1\.1/);
    assert.deepEqual(findings(KESTREL, KESTREL, 'history.removed'), []);
    const renumbered = edit(KESTREL, 'changes: First version, drawn up', 'changes: The first version, drawn up');
    assert.deepEqual(findings(renumbered, KESTREL, 'history.removed'), []);
  });

  it('compares nothing with a last version that does not parse', () => {
    const changed = edit(KESTREL, 'total_model_size: 1.3e10', 'total_model_size: 1.4e10');
    const broken = edit(KESTREL, 'gpai: 1', 'gpai: [1');
    assert.deepEqual(findings(changed, broken, 'version.unchanged'), []);
    assert.deepEqual(
      findings(edit(changed, / {4}- version: "1\.0"\n(?: {6}.*\n)+/, ''), broken, 'history.removed'),
      [],
    );
  });

  it('lets a history entry go once ten years have passed since placement', () => {
    const old = edit(KESTREL, 'union_market_release_date: 2025-08-04', 'union_market_release_date: 2015-08-04');
    const removed = edit(old, / {4}- version: "1\.0"\n(?: {6}.*\n)+/, '');
    assert.deepEqual(findings(removed, old, 'history.removed'), []);
  });
});
