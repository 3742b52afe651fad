import * as assert from 'node:assert/strict';
import type { DocumentChanges, FieldChange, ItemChange } from '../../shared/changes';
import { parseGpai, testEngine } from '../helpers/engine';
import { edit, example } from '../helpers/text';

const KESTREL = example('kestrel-13b.gpai.yaml');
const HALCYON = example('halcyon-xl.gpai.yaml');
const engine = testEngine();

function diff(before: string, after: string, audience?: DocumentChanges['audience']): DocumentChanges {
  return engine.diff(parseGpai(before), parseGpai(after), audience);
}

function items(changes: DocumentChanges): ItemChange[] {
  return changes.groups.flatMap((g) => g.items);
}

function item(changes: DocumentChanges, id: string): ItemChange {
  const found = items(changes).find((i) => i.id === id);
  assert.ok(found, `no change to ${id} in ${JSON.stringify(items(changes).map((i) => i.id))}`);
  return found;
}

function only(changes: DocumentChanges): FieldChange {
  const all = items(changes).flatMap((i) => i.changes);
  assert.equal(all.length, 1, JSON.stringify(all, null, 1));
  return all[0];
}

describe('diff', () => {
  it('finds nothing between a file and itself, reformatted, recommented and reordered', () => {
    assert.deepEqual(items(diff(KESTREL, KESTREL)), []);
    let moved = edit(KESTREL, /^# .*\n/gm, '');
    moved = edit(moved, '  input_modalities: [text]', '  input_modalities:\n    - text  # only text');
    moved = edit(
      moved,
      'provider_legal_name: Kestrel Language Systems SAS',
      "provider_legal_name: 'Kestrel Language Systems SAS'",
    );
    // Key order: the classification after Section 1.
    const classification = /\nclassification:\n(?: .*\n)+/.exec(moved)![0];
    moved = edit(moved, classification, '\n').replace('\nmodel_properties:', `${classification}\nmodel_properties:`);
    const result = diff(KESTREL, moved);
    assert.deepEqual(items(result), []);
    assert.deepEqual(result.counts, { added: 0, removed: 0, changed: 0, reworded: 0 });
  });

  it('reports a changed form item with both values as written, its section, chapter and recipients', () => {
    const result = diff(KESTREL, edit(KESTREL, 'total_model_size: 1.3e10', 'total_model_size: 1.4e10'));
    const [group] = result.groups;
    assert.equal(group.title, 'Section 2: Model properties');
    assert.equal(group.chapter, 'Transparency');
    const changed = item(result, 'form/2.9');
    assert.equal(changed.kind, 'changed');
    assert.equal(changed.ref, 'Form 2.9');
    assert.equal(changed.label, 'Total model size');
    assert.deepEqual(changed.recipients, ['ai-office']);
    const field = only(result);
    assert.deepEqual([field.old, field.new, field.field], ['1.3e10', '1.4e10', '']);
    assert.equal(
      field.line,
      KESTREL.split('\n').findIndex((l) => l.includes('total_model_size')),
    );
  });

  it('reports the same number written otherwise as reworded, and a change of precision as a change', () => {
    const sized = (size: string) => edit(KESTREL, 'total_model_size: 1.3e10', `total_model_size: ${size}`);
    assert.equal(only(diff(sized('1.0e25'), sized('1.0×10^25'))).kind, 'reworded');
    assert.equal(only(diff(sized('1.3e10'), sized('13,000,000,000'))).kind, 'reworded');
    assert.equal(item(diff(sized('1.3e10'), sized('13,000,000,000')), 'form/2.9').kind, 'reworded');
    assert.equal(only(diff(sized('1.0e25'), sized('1e25'))).kind, 'changed');
    assert.equal(item(diff(sized('7.3e10 parameters'), sized('7.3e10 tokens')), 'form/2.9').kind, 'changed');
  });

  it('reports prose reflowed or requoted as reworded, and new words as changed', () => {
    const literal = edit(
      KESTREL,
      / {2}intended_uses: >-\n((?: {4}.*\n)+)/,
      '  intended_uses: |\n    General language tasks in the 24 official EU languages: drafting and summarising\n    business documents, translation, customer-support assistance, and help with writing and reviewing code. We do not intend the\n    model for medical or legal advice given without qualified human review.\n',
    );
    const reflowed = diff(KESTREL, literal);
    assert.equal(only(reflowed).kind, 'reworded');
    assert.equal(item(reflowed, 'form/4.2').kind, 'reworded');
    const words = diff(KESTREL, edit(KESTREL, 'customer-support assistance', 'customer support'));
    assert.equal(only(words).kind, 'changed');
    assert.match(only(words).old!, /customer-support assistance/);
    assert.match(only(words).new!, /customer support,/);
  });

  it('reports N/A written otherwise, and an option by its label, as reworded', () => {
    const na = edit(KESTREL, 'model_dependencies: N/A', 'model_dependencies: n/a');
    assert.equal(only(diff(KESTREL, na)).kind, 'reworded');
    const label = edit(KESTREL, '    - web_crawling\n', '    - Web crawling\n');
    const options = diff(KESTREL, label);
    assert.equal(options.groups.length, 1, JSON.stringify(options.groups));
    assert.equal(only(options).kind, 'reworded');
  });

  it('reports a list entry added in the middle as one addition, the others unchanged', () => {
    const after = edit(
      KESTREL,
      '    - Kestrel-13B-Base-2507\n',
      '    - Kestrel-13B-Base-2507\n    - Kestrel-13B-Chat-2508\n',
    );
    const field = only(diff(KESTREL, after));
    assert.equal(field.kind, 'added');
    assert.equal(field.new, 'Kestrel-13B-Chat-2508');
    assert.equal(field.old, undefined);
    assert.equal(field.field, 'Model versions, entry 2');
    assert.equal(item(diff(KESTREL, after), 'form/1.2').kind, 'added');
  });

  it('matches entries of a list of blocks by what they say: an inserted block is added, an edited one changed', () => {
    const inserted = edit(
      KESTREL,
      '    - channel: Enterprise on-premises licence\n',
      '    - channel: Kestrel Edge SDK\n      access: Quantised weights for on-device use, under contract.\n    - channel: Enterprise on-premises licence\n',
    );
    const added = only(diff(KESTREL, inserted));
    assert.equal(added.kind, 'added');
    assert.equal(added.field, 'Entry 2');
    assert.equal(added.new, 'channel: Kestrel Edge SDK; access: Quantised weights for on-device use, under contract.');
    const both = edit(inserted, 'Black-box access through a REST API', 'Black-box access through a REST or gRPC API');
    const result = diff(KESTREL, both);
    const fields = item(result, 'form/3.2').changes;
    assert.deepEqual(
      fields.map((f) => [f.kind, f.field]),
      [
        ['changed', 'Entry 1, access'],
        ['added', 'Entry 2'],
      ],
    );
    assert.equal(item(result, 'form/3.2').kind, 'changed');
  });

  it('reports a removed list entry with its old value and line', () => {
    const after = edit(KESTREL, '    - synthetic_data\n', '');
    const field = only(diff(KESTREL, after));
    assert.deepEqual(
      [field.kind, field.old, field.new, field.field],
      ['removed', 'synthetic_data', undefined, 'Data provenance, entry 4'],
    );
    assert.equal(field.oldLine, KESTREL.split('\n').indexOf('    - synthetic_data'));
    assert.equal(field.line, undefined);
  });

  it('compares keyed maps by key, whatever their order, and names an entry by its label', () => {
    const reordered = edit(
      KESTREL,
      '  maximum_input_size:\n    text: 32,768 tokens\n',
      '  maximum_input_size:\n    image: 4 images of up to 1,024 × 1,024 pixels\n    text: 32768 tokens\n',
    );
    const result = diff(KESTREL, reordered);
    assert.deepEqual(
      item(result, 'form/2.5').changes.map((f) => [f.kind, f.field]),
      [
        ['added', 'Image'],
        ['reworded', 'Text'],
      ],
    );
  });

  it('reports a measure answer field by field, for the AI Office only', () => {
    let after = edit(KESTREL, /( {2}output_mitigations:\n {4}status:) implemented/, '$1 in_progress');
    after = edit(after, '      - Output filter evaluation report, 2025-07-10\n', '');
    after = edit(after, 'Training-time de-duplication', 'Training-time de-duplication, differential privacy');
    const result = diff(KESTREL, after);
    const answer = item(result, 'copyright/1.4');
    assert.equal(answer.ref, 'Copyright Measure 1.4');
    assert.deepEqual(answer.recipients, ['ai-office']);
    assert.deepEqual(
      answer.changes.map((f) => [f.kind, f.field, f.old, f.new]),
      [
        ['changed', 'Status', 'implemented', 'in_progress'],
        ['removed', 'Evidence, entry 2', 'Output filter evaluation report, 2025-07-10', undefined],
        [
          'changed',
          'Safeguards',
          'Training-time de-duplication against memorisation and an n-gram overlap filter on outputs.',
          'Training-time de-duplication, differential privacy against memorisation and an n-gram overlap filter on outputs.',
        ],
      ],
    );
    const group = result.groups.find((g) => g.items.includes(answer))!;
    assert.equal(group.title, 'Copyright Commitment 1: Copyright policy');
    assert.equal(group.chapter, 'Copyright');
    assert.deepEqual(items(diff(KESTREL, after, 'downstream')), []);
    assert.equal(items(diff(KESTREL, after, 'ai-office')).length, 1);
  });

  it('reports a Safety and Security answer added as its fields added', () => {
    const without = edit(HALCYON, /\n {4}risk_scenarios:\n(?: {6}.*\n)+/, '\n');
    const result = diff(without, HALCYON);
    const answer = item(result, 'safety-security/2.2');
    assert.equal(answer.kind, 'added');
    assert.deepEqual(answer.recipients, ['ai-office']);
    assert.ok(answer.changes.some((f) => f.field === 'Status'));
    assert.equal(result.groups[0].chapter, 'Safety and Security');
  });

  it('reports training-content summary items as published, sent to no recipient of the form', () => {
    const after = edit(KESTREL, /(training_content_summary:\n(?:.*\n)*? {2}version:) "1.1"/, '$1 "1.2"');
    const result = diff(KESTREL, after);
    const summary = item(result, 'tcs/H.1');
    assert.equal(summary.published, true);
    assert.deepEqual(summary.recipients, []);
    assert.match(result.groups[0].title, /^Training-content summary, Section 0: Header$/);
    assert.deepEqual(items(diff(KESTREL, after, 'ai-office')), []);
  });

  it('follows each audience of the form: an item only for authorities is not in the downstream notice', () => {
    let after = edit(KESTREL, 'total_model_size: 1.3e10', 'total_model_size: 1.4e10');
    after = edit(after, 'license_type: Proprietary commercial licence', 'license_type: Apache-2.0');
    after = edit(after, 'intended_uses: >-\n    General', 'intended_uses: >-\n    Most general');
    const ids = (audience: DocumentChanges['audience']) => items(diff(KESTREL, after, audience)).map((i) => i.id);
    assert.deepEqual(ids('all'), ['form/2.9', 'form/3.4', 'form/4.2']);
    assert.deepEqual(ids('ai-office'), ['form/2.9', 'form/4.2']);
    assert.deepEqual(ids('nca'), ['form/4.2']);
    assert.deepEqual(ids('downstream'), ['form/3.4', 'form/4.2']);
    assert.equal(diff(KESTREL, after, 'downstream').counts.changed, 2);
    assert.equal(diff(KESTREL, after, 'downstream').audience, 'downstream');
  });

  it('reports a derived row whose value moves with the figure it is derived from', () => {
    const after = edit(KESTREL, 'total_model_size: 1.3e10', 'total_model_size: 1.6e10');
    const range = item(diff(KESTREL, after, 'nca'), 'form/2.10');
    assert.deepEqual(
      range.changes.map((f) => [f.kind, f.field, f.old, f.new]),
      [['changed', 'Derived from Form 2.9', '5B-15B', '15B-50B']],
    );
    assert.deepEqual(
      items(diff(KESTREL, edit(KESTREL, 'total_model_size: 1.3e10', 'total_model_size: 1.4e10'), 'nca')),
      [],
    );
  });

  it('names both versions, and groups the document header first', () => {
    let after = edit(KESTREL, 'version: "2.1"', 'version: "2.2"');
    after = edit(after, 'last_updated: 2025-10-14', 'last_updated: 2025-11-01');
    after = edit(after, 'total_model_size: 1.3e10', 'total_model_size: 1.4e10');
    const result = diff(KESTREL, after);
    assert.deepEqual(result.old, {
      version: '2.1',
      lastUpdated: '2025-10-14',
      model: 'Kestrel-13B',
      provider: 'Kestrel Language Systems SAS',
    });
    assert.equal(result.new.version, '2.2');
    assert.deepEqual(
      result.groups.map((g) => g.title),
      ['Document', 'Section 2: Model properties'],
    );
    assert.deepEqual(
      result.groups[0].items.map((i) => i.ref),
      ['Form header', 'Form header'],
    );
  });

  it('reports an item added and an item removed with the whole value', () => {
    const added = diff(edit(KESTREL, / {2}bias_measures: >-\n(?: {4}.*\n)+/, ''), KESTREL);
    assert.equal(item(added, 'form/6.9').kind, 'added');
    assert.match(only(added).new!, /^We measured the share/);
    const removed = diff(KESTREL, edit(KESTREL, / {2}bias_measures: >-\n(?: {4}.*\n)+/, ''));
    assert.equal(item(removed, 'form/6.9').kind, 'removed');
    assert.equal(removed.counts.removed, 1);
  });

  it('reports a history entry added at the end of the history', () => {
    const after = edit(
      KESTREL,
      '      changes: Added Kestrel-13B-Instruct-2509 and updated the data figures.\n',
      '      changes: Added Kestrel-13B-Instruct-2509 and updated the data figures.\n    - version: "2.1"\n      date: 2025-10-14\n      changes: Corrected the energy figure.\n',
    );
    const history = only(diff(KESTREL, after));
    assert.equal(history.kind, 'added');
    assert.equal(history.field, 'Entry 3');
  });

  it('takes a value turned from N/A into a list as changed', () => {
    const after = edit(
      KESTREL,
      'model_dependencies: N/A',
      'model_dependencies:\n    - name: Kestrel-13B-Base\n      provider: Kestrel Language Systems SAS\n      version: "2507"',
    );
    const field = only(diff(KESTREL, after));
    assert.equal(field.kind, 'changed');
    assert.equal(field.old, 'N/A');
    assert.equal(field.new, 'name: Kestrel-13B-Base; provider: Kestrel Language Systems SAS; version: 2507');
  });
});
