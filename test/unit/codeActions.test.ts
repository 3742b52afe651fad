import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { getCodeActions } from '../../server/src/engine/codeActions';
import { applyEdits } from '../../server/src/engine/edits';
import { containsPosition } from '../../server/src/engine/ranges';
import { CodeActionKinds } from '../../shared/names';
import { diagnose, TODAY } from '../helpers/diagnostics';
import { edit, example, lines, parse, withCaret } from '../helpers/text';

const KESTREL = example('kestrel-13b.gpai.yaml');

/** The actions offered at the caret, with the diagnostics the client shows there. */
function actionsAt(marked: string, only?: string[]): { text: string; actions: CodeAction[]; all: Diagnostic[] } {
  const { text, position } = withCaret(marked);
  const doc = parse(text);
  const all = diagnose(text);
  const here = all.filter((d) => containsPosition(d.range, position));
  const range: Range = { start: position, end: position };
  return {
    text,
    all,
    actions: getCodeActions(doc, range, { diagnostics: here, ...(only ? { only } : {}) }, { today: TODAY }),
  };
}

function apply(text: string, action: CodeAction): string {
  const doc = parse(text);
  return applyEdits(doc, Object.values(action.edit!.changes!)[0]);
}

function find(actions: CodeAction[], title: string | RegExp): CodeAction {
  const found = actions.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
  assert.ok(found, `no action "${String(title)}" among: ${actions.map((a) => a.title).join(' | ')}`);
  return found;
}

const errors = (text: string) =>
  diagnose(text)
    .filter((d) => d.severity === DiagnosticSeverity.Error)
    .map((d) => `${d.code} ${d.message}`);

/** The fixed diagnostics are gone and no error appeared that was not there before. */
function assertFixed(before: string, after: string, fixed: readonly Diagnostic[]): void {
  const now = diagnose(after);
  for (const d of fixed) {
    assert.ok(!now.some((n) => n.code === d.code && n.message === d.message), `still reported: ${d.code} ${d.message}`);
  }
  const old = new Set(errors(before));
  assert.deepEqual(
    errors(after).filter((e) => !old.has(e)),
    [],
    'no new error',
  );
}

describe('code actions', () => {
  it('offers "Add missing item: Training time (AI Office)" on the section key and adds it in place', () => {
    const text = edit(
      KESTREL,
      / {2}training_time:\n {4}period: .*\n {4}wall_clock_days: .*\n {4}hardware_days:\n {6}- hardware: .*\n {8}days: .*\n/,
      '',
    );
    const marked = edit(text, 'computational_resources:', 'computational_$|$resources:');
    const { actions } = actionsAt(marked);
    const action = find(actions, 'Add missing item: Training time (AI Office)');
    assert.equal(action.kind, 'quickfix');
    const after = apply(text, action);
    assert.match(
      after,
      /computational_resources:\n {2}training_time: {2}# form 7\.2 Training time \(AI Office\)\n {4}period: {2}# The period measured, e\.g\. 2025-01-06 to 2025-04-05\n {4}wall_clock_days: {2}# days, ≥ 1 significant figure, e\.g\. 9\.0e1\n {4}hardware_days: {2}# a list of entries, each with hardware, days\n {2}training_compute: 3\.1e23\n/,
    );
    assertFixed(text, after, action.diagnostics!);
  });

  it('offers "Add the missing items of Section 6" first, and prefers it, when the section is empty', () => {
    const text = edit(KESTREL, /\ndata:\n( {2,}.*\n)*/, '\ndata:\n');
    const { actions } = actionsAt(edit(text, '\ndata:', '\nda$|$ta:'));
    assert.equal(actions[0].title, 'Add the missing items of Section 6');
    assert.equal(actions[0].isPreferred, true);
    assert.ok(actions.slice(1).every((a) => !a.isPreferred));
    const after = apply(text, actions[0]);
    assert.ok(!diagnose(after).some((d) => d.code === 'missing.item'), 'no missing item left');
    assertFixed(text, after, actions[0].diagnostics!);
  });

  it('offers "Mark systemic risk as presumed" when compute is above the threshold', () => {
    const text = edit(KESTREL, 'training_compute: 3.1e23', 'training_compute: 3.1e25');
    const { actions } = actionsAt(edit(text, 'systemic_risk: none', 'systemic_risk: no$|$ne'));
    const action = find(actions, 'Mark systemic risk as presumed');
    const after = apply(text, action);
    assert.equal(after, edit(text, 'systemic_risk: none', 'systemic_risk: presumed'));
    assertFixed(text, after, action.diagnostics!);
  });

  it('offers "Add the Safety and Security chapter" for a model with systemic risk, and the chapter it adds is complete', () => {
    const text = edit(
      edit(KESTREL, 'training_compute: 3.1e23', 'training_compute: 3.1e25'),
      'systemic_risk: none',
      'systemic_risk: presumed\n  notification_date: 2025-06-01',
    );
    // The finding sits where the chapter belongs: the last line of the file's last block.
    const marked = text.replace(/\n( *)(\S[^\n]*)\n*$/, (_, indent: string, last: string) => `\n${indent}$|$${last}\n`);
    const { actions } = actionsAt(marked);
    const action = find(actions, 'Add the Safety and Security chapter');
    const after = apply(text, action);
    assert.ok(after.startsWith(text.trimEnd()), 'appended after the last block, nothing before it changed');
    assert.match(
      after,
      /\n\nsafety_and_security: {2}# Safety and Security chapter\n {2}framework: {2}# Safety and Security Commitment 1 /,
    );
    const left = diagnose(after).filter((d) => String(d.code).startsWith('missing.'));
    assert.deepEqual(
      left.map((d) => d.code),
      [],
    );
    assertFixed(text, after, action.diagnostics!);
  });

  it("sets the parameter range from a rule's set-value fix data, whatever the message says", () => {
    const { text, position } = withCaret(
      lines('model_properties:', '  total_model_size: 7.3e10', '  parameter_range: 5B-1$|$5B'),
    );
    const doc = parse(text);
    const range = { start: { line: 2, character: 19 }, end: { line: 2, character: 25 } };
    const d: Diagnostic = {
      range,
      message: 'anything',
      code: 'some.future-code',
      data: {
        provisions: [],
        citation: '',
        fix: {
          kind: 'set-value',
          path: ['model_properties', 'parameter_range'],
          value: '50B-100B',
          title: 'Set the parameter range to 50B-100B',
        },
      },
    };
    const [action] = getCodeActions(
      doc,
      { start: position, end: position },
      { diagnostics: [d], only: ['quickfix'] },
      { today: TODAY },
    );
    assert.equal(action.title, 'Set the parameter range to 50B-100B');
    assert.equal(
      apply(text, action),
      lines('model_properties:', '  total_model_size: 7.3e10', '  parameter_range: 50B-100B'),
    );
  });

  it('offers the source action "Add all missing items", which leaves nothing missing', () => {
    const text = lines(
      '# A new model',
      'gpai: 1',
      '',
      'classification:',
      '  systemic_risk: none',
      '  open_source_exemption: false',
      '',
      'data:',
      '  bias_measures: None.  # keep',
    );
    const { actions } = actionsAt(edit(text, 'gpai', 'gp$|$ai'), ['source']);
    const action = find(actions, 'Add all missing items');
    assert.equal(action.kind, CodeActionKinds.addMissing);
    const after = apply(text, action);
    assert.ok(after.startsWith('# A new model\ngpai: 1\n'), 'the head is untouched');
    assert.match(after, / {2}bias_measures: None\. {2}# keep\n/);
    assert.deepEqual(
      diagnose(after)
        .filter((d) => String(d.code).startsWith('missing.'))
        .map((d) => d.message),
      [],
    );
    assertFixed(text, after, action.diagnostics!);
  });

  it('fixes every obvious problem at once with fix-all, but adds no missing items', () => {
    const text = edit(
      edit(KESTREL, 'training_compute: 3.1e23', 'training_compute: 3.1e25'),
      '  bias_measures:',
      '  bias_measure:',
    );
    const { actions } = actionsAt(edit(text, 'gpai: 1', 'gpai: $|$1'), ['source.fixAll']);
    assert.deepEqual(
      actions.map((a) => a.kind),
      [CodeActionKinds.fixAll],
    );
    const after = apply(text, actions[0]);
    assert.match(after, /systemic_risk: presumed/);
    assert.match(after, /\n {2}bias_measures: >-/);
    assert.ok(!after.includes('safety_and_security'), 'the missing chapter is left to "Add all missing items"');
    assertFixed(text, after, actions[0].diagnostics!);
  });

  it("reads the fix from the server's diagnostics when the client drops the data", () => {
    const text = edit(KESTREL, '  training_compute: 3.1e23\n', '');
    const doc = parse(text);
    const all = diagnose(text);
    const d = all.find((x) => x.code === 'missing.item')!;
    const bare = { ...d, data: undefined };
    const actions = getCodeActions(doc, d.range, { diagnostics: [bare] }, { today: TODAY });
    assert.equal(actions[0].title, 'Add missing item: Amount of computation used for training (AI Office)');
  });

  it('offers nothing for a diagnostic without fix data', () => {
    const text = lines('gpai: 1', 'classification:', '  systemic_risk: maybe');
    const { actions } = actionsAt(edit(text, 'maybe', 'ma$|$ybe'), ['quickfix']);
    assert.deepEqual(
      actions.filter((a) => a.diagnostics?.some((d) => d.code === 'shape.value')),
      [],
    );
  });
});
