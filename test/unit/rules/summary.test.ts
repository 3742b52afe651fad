import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { codes, dataOf, withCode } from '../../helpers/diagnostics';
import { edit, example } from '../../helpers/text';

const KESTREL = example('kestrel-13b.gpai.yaml');
const MEADOW = example('meadow-7b.gpai.yaml');
const LEGACY = example('kestrel-7b-2024.gpai.yaml');
const noUrl = edit(KESTREL, '  url: https://kestrel-ls.example/ai-act/kestrel-13b-training-content-summary\n', '');

describe('rule summary', () => {
  it("asks for the link to the published summary or the template's fields", () => {
    const [d] = withCode(noUrl, 'summary.content');
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(dataOf(d).fix, { kind: 'insert-keys', parent: ['training_content_summary'], keys: ['url'] });
    assert.match(d.message, /open-source models included/);
  });

  it('reports an empty url without inserting it again', () => {
    const text = edit(KESTREL, / {2}url: https:\/\/kestrel-ls.*\n/, '  url:\n');
    const [d] = withCode(text, 'summary.content');
    assert.equal(dataOf(d).fix, undefined);
  });

  it("accepts the template's fields instead of a link", () => {
    const text = edit(
      noUrl,
      '  last_updated: 2025-09-02\n',
      '  last_updated: 2025-09-02\n  data_processing:\n    code_of_practice_signatory: true\n',
    );
    assert.deepEqual(withCode(text, 'summary.content'), []);
  });

  it('requires the summary of an open-source model too', () => {
    const text = edit(
      MEADOW,
      /\ntraining_content_summary:\n( {2}.*\n|\s*\n)*/,
      '\ntraining_content_summary:\n  version: "1.0"\n  last_updated: 2025-09-09\n',
    );
    assert.equal(withCode(text, 'summary.content').length, 1);
  });

  it("reports a placement date that differs from the form, and the fix copies the form's", () => {
    const text = edit(
      KESTREL,
      '  last_updated: 2025-09-02\n',
      '  last_updated: 2025-09-02\n  general_information:\n    union_market_placement_date: 2025-08-05\n',
    );
    const [d] = withCode(text, 'summary.placement-date');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.deepEqual(dataOf(d).fix, {
      kind: 'set-value',
      path: ['training_content_summary', 'general_information', 'union_market_placement_date'],
      value: '2025-08-04',
      title: "Set the summary's date to 2025-08-04",
    });
  });

  it('asks a model placed before 2 August 2025 to disclose what cannot be retrieved', () => {
    const text = edit(LEGACY, / {2}unretrievable_information: [>|]-?\n( {4}.*\n)+/, '');
    const [d] = withCode(text, 'summary.legacy-gaps');
    assert.equal(d.severity, DiagnosticSeverity.Information);
    assert.deepEqual(dataOf(d).fix, {
      kind: 'insert-keys',
      parent: ['training_content_summary'],
      keys: ['unretrievable_information'],
    });
    assert.deepEqual(withCode(KESTREL, 'summary.legacy-gaps'), [], 'not for a model placed after');
  });

  it('stays quiet on the examples', () => {
    for (const text of [
      KESTREL,
      MEADOW,
      LEGACY,
      example('halcyon-xl.gpai.yaml'),
      example('kestrel-13b-distilled.gpai.yaml'),
    ]) {
      assert.deepEqual(
        codes(text).filter((c) => c.startsWith('summary.')),
        [],
      );
    }
  });
});
