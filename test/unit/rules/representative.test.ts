import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { applyFix, codes, dataOf, withCode } from '../../helpers/diagnostics';
import { edit, example } from '../../helpers/text';

const TAMARACK = example('tamarack-20b.gpai.yaml');
const MEADOW = example('meadow-7b.gpai.yaml');
const KESTREL_7B = example('kestrel-7b-2024.gpai.yaml');
const REPRESENTATIVE = /\n {2}authorised_representative:\n( {4}.*\n)+/;
const outside = (text: string) =>
  edit(text, 'open_source_exemption:', 'establishment: outside-union\n  open_source_exemption:');

describe('rule representative', () => {
  it('is an error for a provider outside the Union without a representative, naming both keys and Art. 54(1), with a fix', () => {
    const text = edit(TAMARACK, REPRESENTATIVE, '\n');
    const [d] = withCode(text, 'representative.missing');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.match(d.message, /`classification\.establishment` says the provider is established outside the Union/);
    assert.match(d.message, /`classification\.authorised_representative` names no authorised representative/);
    assert.ok(dataOf(d).provisions.includes('Art. 54(1)'));
    assert.equal(text.split('\n')[d.range.start.line].trim(), 'establishment: outside-union');
    assert.deepEqual(dataOf(d).fix, {
      kind: 'insert-keys',
      parent: ['classification'],
      keys: ['authorised_representative'],
    });
  });

  it('inserts the representative block after the establishment, and the error gives way to asking for its facts', () => {
    const text = edit(TAMARACK, REPRESENTATIVE, '\n');
    const fixed = applyFix(text, withCode(text, 'representative.missing')[0]);
    assert.equal(fixed.title, 'Add authorised representative (`authorised_representative`)');
    assert.match(
      fixed.text,
      /\n {2}establishment: outside-union\n {2}authorised_representative: {2}# .*\n {4}name: {2}# .*\n {4}contact: {2}# .*\n {4}mandate_date: {2}# .*\n/,
    );
    assert.deepEqual(withCode(fixed.text, 'representative.missing'), []);
    assert.deepEqual(withCode(fixed.text, 'representative.incomplete'), [], 'every key is there');
    // One answer, one finding: the block's three empty parts are named together on its key.
    const empty = withCode(fixed.text, 'answer.empty');
    assert.deepEqual(
      empty.map((d) => fixed.text.split('\n')[d.range.start.line].trim().replace(/:.*/, '')),
      ['authorised_representative'],
    );
    assert.match(empty[0].message, /`name`, `contact` and `mandate_date` are empty/);
  });

  it('spares a valid open-source model without systemic risk (Art. 54(6)), not a monetised one', () => {
    assert.deepEqual(withCode(outside(MEADOW), 'representative.missing'), []);
    const monetised = edit(outside(MEADOW), 'monetised: false', 'monetised: true');
    assert.equal(withCode(monetised, 'representative.missing').length, 1);
  });

  it('asks for the name, contact and mandate date of a representative, inserting the absent keys', () => {
    const text = edit(TAMARACK, '    contact: mailto:tamarack@liffey-ai-rep.example\n', '');
    const [d] = withCode(text, 'representative.incomplete');
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.match(d.message, /has no contact/);
    assert.equal(text.split('\n')[d.range.start.line].trim(), 'authorised_representative:');
    assert.match(applyFix(text, d).text, /\n {4}contact: {2}# Address, e-mail or https link\.\n/);
    assert.deepEqual(dataOf(d).fix, {
      kind: 'insert-keys',
      parent: ['classification', 'authorised_representative'],
      keys: ['contact'],
    });
  });

  it('reports a mandate dated after the Union market release, naming both dates', () => {
    const text = edit(TAMARACK, 'mandate_date: 2025-08-20', 'mandate_date: 2025-10-01');
    const [d] = withCode(text, 'representative.mandate-late');
    assert.match(d.message, /dated 2025-10-01/);
    assert.match(d.message, /placed on the Union market on 2025-09-15 \(form 1\.5 /);
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.equal(text.split('\n')[d.range.start.line].trim(), 'mandate_date: 2025-10-01');
    assert.ok(dataOf(d).provisions.includes('Art. 54(1)'));
  });

  it('gives a model placed before 2 August 2025 until the Art. 111(3) deadline', () => {
    const rep = (date: string) =>
      edit(
        outside(KESTREL_7B),
        'establishment: outside-union',
        `establishment: outside-union\n  authorised_representative:\n    name: Example Rep\n    contact: mailto:rep@example.example\n    mandate_date: ${date}`,
      );
    assert.deepEqual(withCode(rep('2026-03-01'), 'representative.mandate-late'), []);
    const [d] = withCode(rep('2027-09-01'), 'representative.mandate-late');
    assert.match(d.message, /due by 2 August 2027 \(AI Act Art\. 111\(3\)\)/);
  });

  it('leaves a key written empty to answer.empty, on its line', () => {
    const text = edit(TAMARACK, 'contact: mailto:tamarack@liffey-ai-rep.example', 'contact:');
    assert.deepEqual(withCode(text, 'representative.incomplete'), []);
    const [d] = withCode(text, 'answer.empty');
    assert.equal(text.split('\n')[d.range.start.line].trim(), 'contact:');
  });

  it('stays quiet for a provider in the Union, one that does not say, and on the examples', () => {
    const inUnion = edit(TAMARACK, 'establishment: outside-union', 'establishment: union');
    assert.deepEqual(
      codes(edit(inUnion, REPRESENTATIVE, '\n')).filter((c) => c.startsWith('representative.')),
      [],
    );
    for (const name of ['tamarack-20b.gpai.yaml', 'kestrel-13b.gpai.yaml', 'meadow-7b.gpai.yaml'])
      assert.deepEqual(
        codes(example(name)).filter((c) => c.startsWith('representative.')),
        [],
        name,
      );
  });
});
