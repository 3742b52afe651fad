import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { GPAI_GUIDELINES, thresholds } from '../../../server/src/engine/catalogue';
import { codes, dataOf, withCode } from '../../helpers/diagnostics';
import { getCoverage } from '../../helpers/engine';
import { edit, example, parse } from '../../helpers/text';

const KESTREL = example('kestrel-13b.gpai.yaml');
const TERN = example('kestrel-13b-distilled.gpai.yaml');
const HELPDESK = example('kestrel-13b-helpdesk.gpai.yaml');
const OWN_BASE =
  'model_dependencies:\n    - name: Kestrel-13B\n      provider: Kestrel Language Systems SAS\n      version: Kestrel-13B-Base-2507';
const role = (text: string, value: string) =>
  edit(text, 'open_source_exemption: false', `open_source_exemption: false\n  provider_role: ${value}`);
const figures = (text: string, base: string, modification: string) =>
  edit(
    text,
    'open_source_exemption: false',
    `open_source_exemption: false\n  base_model_training_compute: ${base}\n  modification_compute: ${modification}`,
  );

describe('rule role', () => {
  describe('an original provider', () => {
    it('reports its own model listed as a base model, and asks for it among the versions (form 1.2)', () => {
      const text = edit(KESTREL, 'model_dependencies: N/A', OWN_BASE);
      const [d] = withCode(text, 'role.own-model');
      assert.equal(d.severity, DiagnosticSeverity.Warning);
      assert.match(
        d.message,
        /Base model 1 \(Kestrel-13B\) .* is your own: its provider is Kestrel Language Systems SAS/,
      );
      assert.match(d.message, /general_information\.model_versions/);
      assert.match(d.message, /form 1\.2/);
      assert.ok(dataOf(d).provisions.includes(GPAI_GUIDELINES));
      assert.equal(text.split('\n')[d.range.start.line].trim(), '- name: Kestrel-13B');
    });

    it('does not then ask what was modified, as for a downstream modifier', () => {
      const text = edit(KESTREL, 'model_dependencies: N/A', OWN_BASE);
      assert.deepEqual(withCode(text, 'modification.description'), []);
    });

    it('reports the role original-provider with another provider’s base model, naming both places', () => {
      const [d] = withCode(role(TERN, 'original-provider'), 'role.mismatch');
      assert.match(
        d.message,
        /`classification\.provider_role` is original-provider, but form 1\.6 .* lists base models of another provider/,
      );
      assert.equal(d.severity, DiagnosticSeverity.Warning);
      assert.ok(dataOf(d).provisions.includes(GPAI_GUIDELINES));
      assert.equal(
        role(TERN, 'original-provider').split('\n')[d.range.start.line].trim(),
        'provider_role: original-provider',
      );
    });

    it('stays quiet on a model with no base model', () => {
      assert.deepEqual(
        codes(role(KESTREL, 'original-provider')).filter((c) => c.startsWith('role.')),
        [],
      );
    });
  });

  describe('a downstream modifier', () => {
    it('reports the role downstream-modifier with no base model listed', () => {
      const [d] = withCode(role(KESTREL, 'downstream-modifier'), 'role.mismatch');
      assert.match(d.message, /downstream-modifier, but form 1\.6 .* lists no base model/);
      assert.equal(
        role(KESTREL, 'downstream-modifier').split('\n')[d.range.start.line].trim(),
        'provider_role: downstream-modifier',
      );
    });

    it('says, as information, that a modification at most one third of the base has no GPAI-provider duties, naming both figures', () => {
      const [d] = withCode(HELPDESK, 'role.not-a-provider');
      assert.equal(d.severity, DiagnosticSeverity.Information);
      assert.match(d.message, /2\.1e21 FLOP \(`classification\.modification_compute`\)/);
      assert.match(
        d.message,
        /3\.1e23 FLOP \(`classification\.base_model_training_compute`; one third is 1\.0e23 FLOP\)/,
      );
      assert.match(d.message, /indicatively not the provider of a new general-purpose AI model/);
      assert.match(d.message, /from secondary sources/, 'the one-third test is known from secondary sources');
      assert.equal(thresholds.modificationComputeShare.confidence, 'secondary');
      assert.ok(dataOf(d).provisions.includes(GPAI_GUIDELINES));
      assert.equal(HELPDESK.split('\n')[d.range.start.line].trim(), 'modification_compute: 2.1e21');
    });

    it('marks every chapter and the summary not applicable with the reason, and asks for nothing', () => {
      const report = getCoverage(parse(HELPDESK));
      for (const root of report.roots)
        assert.match(root.reason, /not applicable: indicatively no GPAI-provider duties/);
      assert.match(report.classification.label, /no GPAI-provider duties/);
      assert.equal(report.classification.role, 'downstream-modifier');
      assert.deepEqual(
        codes(HELPDESK).filter((c) => c.startsWith('missing.') || c.startsWith('modification.')),
        [],
      );
    });

    it('reads form 7.4 as the modification’s compute when its own key is absent, and says so', () => {
      const text = edit(HELPDESK, '  modification_compute: 2.1e21\n', '');
      const [d] = withCode(text, 'role.not-a-provider');
      assert.match(d.message, /form 7\.4 .*, read as the compute of your modification/);
      assert.equal(text.split('\n')[d.range.start.line].trim(), 'training_compute: 2.1e21');
    });

    it('reads a role left unstated from base models of another provider', () => {
      const text = figures(TERN, '3.1e23', '4.6e21');
      assert.equal(withCode(text, 'role.not-a-provider').length, 1);
    });

    it('applies the modification message above one third: a new GPAI model, duties limited to the modification', () => {
      const text = edit(
        edit(HELPDESK, 'modification_compute: 2.1e21', 'modification_compute: 1.2e23'),
        / {2}modification: >-\n( {4}.*\n)+/,
        '',
      );
      assert.deepEqual(withCode(text, 'role.not-a-provider'), []);
      const [d] = withCode(text, 'modification.description');
      assert.match(d.message, /more than one third .* you are the provider of a new general-purpose AI model/);
      assert.match(d.message, /limited to the modification/);
      assert.notEqual(getCoverage(parse(text)).roots[0].state, 'not-applicable', 'the Transparency chapter applies');
    });

    it('says the one-third test cannot be made when the base model’s compute is not given', () => {
      const text = edit(TERN, / {2}modification: \|\n( {4}.*\n)+/, '');
      const [d] = withCode(text, 'modification.description');
      assert.match(d.message, /is not known/);
      assert.match(d.message, /classification\.base_model_training_compute/);
      assert.match(d.message, /limited to the modification/);
    });

    it('stays quiet on the other examples', () => {
      for (const name of ['kestrel-13b.gpai.yaml', 'kestrel-13b-distilled.gpai.yaml', 'juris-meadow-7b.gpai.yaml'])
        assert.deepEqual(
          codes(example(name)).filter((c) => c.startsWith('role.')),
          [],
          name,
        );
    });
  });
});
