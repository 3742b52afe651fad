import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { codes, dataOf, withCode } from '../../helpers/diagnostics';
import { edit, example } from '../../helpers/text';

const KESTREL = example('kestrel-13b.gpai.yaml');
const set = (from: string | RegExp, to: string) => edit(KESTREL, from, to);

describe('rule notApplicable', () => {
  it('reports N/A where the form does not allow it', () => {
    const [d] = withCode(set('total_model_size: 1.3e10', 'total_model_size: N/A'), 'na.not-allowed');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.equal(dataOf(d).id, 'form/2.9');
    assert.match(d.message, /form 2\.9 “Total model size” does not allow "N\/A"/i);
  });

  it('reads "not applicable" and "none" written alone as N/A, but not a sentence starting with "None"', () => {
    assert.equal(
      withCode(
        set('model_architecture: Decoder-only', 'model_architecture: Not applicable. Decoder-only'),
        'na.not-allowed',
      ).length,
      1,
    );
    assert.equal(withCode(set(/model_architecture: .*/, 'model_architecture: None'), 'na.not-allowed').length, 1);
    assert.deepEqual(
      withCode(
        set(
          /model_architecture: .*/,
          'model_architecture: None of the layers is recurrent; a decoder-only transformer.',
        ),
        'na.not-allowed',
      ),
      [],
    );
  });

  it('accepts N/A where the form allows it', () => {
    let text = set('text: 8,192 tokens', 'text: N/A');
    text = edit(
      text,
      'license_link: https://kestrel-ls.example/legal/kestrel-13b-licence',
      'license_link: none exists',
    );
    text = edit(
      text,
      'acceptable_use_policy: https://kestrel-ls.example/legal/acceptable-use',
      'acceptable_use_policy: none exists',
    );
    assert.deepEqual(
      codes(text).filter((c) => c.startsWith('na.')),
      [],
    );
  });

  it('lets "if any" items say none', () => {
    assert.deepEqual(
      withCode(set(/ {2}bias_measures: >-\n( {4}.*\n)+/, '  bias_measures: None.\n'), 'na.not-allowed'),
      [],
    );
  });

  it('asks for the reason where the form asks for one: 8.2 says which information is withheld', () => {
    const withoutMethodology = (energy: string) =>
      edit(
        set('training_energy: 3.4e2 MWh', `training_energy: ${energy}`),
        / {2}training_energy_methodology: >-\n( {4}.*\n)+/,
        '',
      );
    const [d] = withCode(withoutMethodology('N/A'), 'na.reason-required');
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.match(d.message, /compute or hardware provider withholds/);
    assert.match(d.message, /form 8\.2/);
    assert.deepEqual(
      withCode(set('training_energy: 3.4e2 MWh', 'training_energy: N/A'), 'na.reason-required'),
      [],
      'the methodology (8.2) is written: the form wants the reason there',
    );
    for (const withReason of [
      'N/A (our cloud provider does not report energy)',
      '"N/A: the compute provider withholds metering data"',
      'N/A - provider withholds it',
    ]) {
      assert.deepEqual(
        codes(withoutMethodology(withReason)).filter((c) => c.startsWith('na.')),
        [],
        withReason,
      );
    }
  });

  it('treats N/A written quoted like N/A written plain', () => {
    assert.equal(withCode(set('total_model_size: 1.3e10', 'total_model_size: "N/A"'), 'na.not-allowed').length, 1);
    assert.equal(withCode(set('total_model_size: 1.3e10', "total_model_size: 'N/A'"), 'na.not-allowed').length, 1);
  });

  it('asks to mark a measure not applicable with its status, not with N/A in its fields', () => {
    const text = set(
      'summary: An output filter blocks long verbatim reproductions of known protected text, and our terms forbid infringing uses.',
      'summary: N/A',
    );
    const [d] = withCode(text, 'na.not-allowed');
    assert.equal(dataOf(d).id, 'copyright/1.4');
    assert.match(d.message, /status: not_applicable/);
  });

  it('works in a CRLF file', () => {
    const text = set('total_model_size: 1.3e10', 'total_model_size: N/A').replace(/\n/g, '\r\n');
    const [d] = withCode(text, 'na.not-allowed');
    assert.equal(text.split('\r\n')[d.range.start.line].trim(), 'total_model_size: N/A');
  });

  it('stays quiet on the examples', () => {
    for (const name of [
      'kestrel-13b.gpai.yaml',
      'halcyon-xl.gpai.yaml',
      'meadow-7b.gpai.yaml',
      'kestrel-13b-distilled.gpai.yaml',
      'kestrel-7b-2024.gpai.yaml',
    ]) {
      assert.deepEqual(
        codes(example(name)).filter((c) => c.startsWith('na.')),
        [],
        name,
      );
    }
  });
});
