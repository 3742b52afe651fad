import * as assert from 'node:assert/strict';
import { applyEdits, fixEdits, insertKeys } from '../../server/src/engine/edits';
import type { FixData } from '../../server/src/engine';
import { lines, parse, sectionTitle } from '../helpers/text';

// A comment that would make the line longer than 100 characters goes above the key, wrapped, never cut.
const COMPUTE = [
  '  # form 7.4 Amount of computation used for training (AI Office): FLOP, ≥ 2 significant figures,',
  '  # e.g. 2.4e25',
  '  training_compute:',
];
const TIME_RANGE = [
  '  # form 7.1 Training time (national competent authorities): one of <1 month, 1-3 months, 3-6 months',
  '  # or >6 months',
  '  training_time_range:',
];

function fixed(text: string, fix: FixData): string {
  const doc = parse(text);
  return applyEdits(doc, fixEdits(doc, fix));
}

const insert = (parent: (string | number)[], ...keys: string[]): FixData => ({ kind: 'insert-keys', parent, keys });

describe('edits', () => {
  describe('inserting keys', () => {
    it('inserts a key after its preceding sibling, with a placeholder comment naming what to write', () => {
      const text = lines(
        'gpai: 1',
        'computational_resources:',
        '  training_time:',
        '    period: 2025',
        '  measurement_methodology: Estimate.',
      );
      assert.equal(
        fixed(text, insert(['computational_resources'], 'training_compute')),
        lines(
          'gpai: 1',
          'computational_resources:',
          '  training_time:',
          '    period: 2025',
          ...COMPUTE,
          '  measurement_methodology: Estimate.',
        ),
      );
    });

    it('keeps comments and blank lines where they were', () => {
      const text = lines(
        '# header',
        'gpai: 1',
        '',
        'computational_resources:',
        '  # the compute figures',
        '  training_compute: 2.4e25  # measured',
        '',
        '  # how we measured',
        '  measurement_methodology: Estimate.',
        '',
        '# end',
      );
      assert.equal(
        fixed(text, insert(['computational_resources'], 'training_compute_magnitude', 'training_time_range')),
        lines(
          '# header',
          'gpai: 1',
          '',
          'computational_resources:',
          '  # the compute figures',
          ...TIME_RANGE,
          '  training_compute: 2.4e25  # measured',
          '  # form 7.3 Amount of computation used for training (national competent authorities): FLOP, order',
          '  # of magnitude, e.g. 1e25',
          '  training_compute_magnitude:',
          '',
          '  # how we measured',
          '  measurement_methodology: Estimate.',
          '',
          '# end',
        ),
      );
    });

    it('inserts a key that comes first above a suppression written for the first key, so that it still applies there', () => {
      const text = lines(
        'gpai: 1',
        'computational_resources:',
        '  # the compute figures',
        '  # gpai-docs-disable-next-line precision.significant-figures -- rounded on purpose',
        '  training_compute: 2e25',
      );
      assert.equal(
        fixed(text, insert(['computational_resources'], 'training_time_range')),
        lines(
          'gpai: 1',
          'computational_resources:',
          '  # the compute figures',
          ...TIME_RANGE,
          '  # gpai-docs-disable-next-line precision.significant-figures -- rounded on purpose',
          '  training_compute: 2e25',
        ),
      );
    });

    it('keeps CRLF line breaks', () => {
      const text = 'gpai: 1\r\ncomputational_resources:\r\n  measurement_methodology: Estimate.\r\n';
      assert.equal(
        fixed(text, insert(['computational_resources'], 'training_compute')),
        ['gpai: 1', 'computational_resources:', ...COMPUTE, '  measurement_methodology: Estimate.', ''].join('\r\n'),
      );
    });

    it("uses the file's 4-space indentation for a new block", () => {
      const text = lines(
        'gpai: 1',
        'general_information:',
        '    model_name: X',
        'computational_resources:',
        '    measurement_methodology: Estimate.',
      );
      assert.equal(
        fixed(text, insert(['computational_resources', 'training_time'], 'wall_clock_days')),
        lines(
          'gpai: 1',
          'general_information:',
          '    model_name: X',
          'computational_resources:',
          '    training_time:  # form 7.2 Training time (AI Office)',
          '        wall_clock_days:  # days, ≥ 1 significant figure, e.g. 9.0e1',
          '    measurement_methodology: Estimate.',
        ),
      );
    });

    it('writes under an empty parent, one indentation step in', () => {
      const text = lines('gpai: 1', 'training_process:   # Section 5', 'data:');
      assert.equal(
        fixed(text, insert(['training_process'], 'design_specifications')),
        lines(
          'gpai: 1',
          'training_process:   # Section 5',
          '  # form 5.1 Design specifications of the training process: the main stages of training, their',
          '  # methods and techniques, key design choices and assumptions, what the model is optimised for and,',
          '  # where it matters, the role of different parameters',
          '  design_specifications:',
          'data:',
        ),
      );
    });

    it('replaces an explicit null parent with the block', () => {
      const text = lines('gpai: 1', 'training_process: ~', 'data:');
      const out = fixed(text, insert(['training_process'], 'decision_rationale'));
      assert.equal(out.split('\n')[1], 'training_process:');
      assert.match(out.split('\n')[2], /^ {2}decision_rationale: {2}# form 5\.2 Decision rationale: /);
    });

    it("inserts an absent section at its place in the form's order, separated by blank lines like its neighbours", () => {
      const text = lines(
        'gpai: 1',
        '',
        'training_process:',
        '  decision_rationale: Why.',
        '',
        'energy_consumption:',
        '  training_energy: 1.0e2 MWh',
      );
      const out = fixed(text, insert([], 'computational_resources'));
      const got = out.split('\n');
      assert.deepEqual(got.slice(0, 5), ['gpai: 1', '', 'training_process:', '  decision_rationale: Why.', '']);
      assert.equal(got[5], `computational_resources:  # ${sectionTitle(7)}`);
      assert.equal(got[6], '  training_time:  # form 7.2 Training time (AI Office)');
      assert.equal(got[7].trimEnd().split('#')[0], '    period:  ');
      const energy = got.indexOf('energy_consumption:');
      assert.equal(got[energy - 1], '', 'a blank line before the next section');
      assert.match(got[energy - 2], /^ {2}measurement_methodology:/);
    });

    it('creates an absent parent holding only the requested keys', () => {
      const text = lines('gpai: 1', 'computational_resources:', '  training_compute: 2.4e25');
      assert.equal(
        fixed(text, insert(['computational_resources', 'training_time'], 'wall_clock_days')),
        lines(
          'gpai: 1',
          'computational_resources:',
          '  training_time:  # form 7.2 Training time (AI Office)',
          '    wall_clock_days:  # days, ≥ 1 significant figure, e.g. 9.0e1',
          '  training_compute: 2.4e25',
        ),
      );
    });

    it('inserts into a flow map without a comment, which a flow map cannot hold', () => {
      const text = lines('gpai: 1', 'classification: {systemic_risk: none}');
      assert.equal(
        fixed(text, insert(['classification'], 'open_source_exemption')),
        lines('gpai: 1', 'classification: {systemic_risk: none, open_source_exemption: null}'),
      );
      assert.equal(
        fixed(lines('gpai: 1', 'classification: {}'), insert(['classification'], 'systemic_risk')),
        lines('gpai: 1', 'classification: {systemic_risk: null}'),
      );
    });

    it('inserts a field into a list entry before its first key, after the dash', () => {
      const text = lines(
        'gpai: 1',
        'distribution_and_licenses:',
        '  downstream_access:',
        '    - access: API only.',
        '    - channel: B',
        '      access: Weights.',
      );
      const out = fixed(text, insert(['distribution_and_licenses', 'downstream_access', 0], 'channel')).split('\n');
      assert.match(out[3], /^ {4}- channel: {2}# \S/, 'the key after the dash, with its comment');
      assert.deepEqual(
        [...out.slice(0, 3), ...out.slice(4)],
        lines(
          'gpai: 1',
          'distribution_and_licenses:',
          '  downstream_access:',
          '      access: API only.',
          '    - channel: B',
          '      access: Weights.',
        ).split('\n'),
      );
    });

    it('adds a line break before keys appended to a file without a final one', () => {
      const out = fixed('gpai: 1\ndocument:\n  version: "1"', insert(['document'], 'last_updated'));
      assert.equal(
        out,
        'gpai: 1\ndocument:\n  version: "1"\n  last_updated:  # form header, Date the document was last updated: YYYY-MM-DD',
      );
    });

    it('writes one edit per place when several parents get keys at the same offset, the inner block first', () => {
      const doc = parse(
        lines(
          'gpai: 1',
          'classification:',
          '  systemic_risk: presumed',
          'model_properties:',
          '  model_architecture: X',
        ),
      );
      const edits = insertKeys(doc, [
        { parent: [], keys: ['general_information'] },
        { parent: ['classification'], keys: ['notification_date'] },
      ]);
      assert.equal(edits.length, 1);
      // The inner key (its long comment wrapped above it), then the top-level block.
      const out = applyEdits(doc, edits)
        .split('\n')
        .filter((line) => !/^ +# /.test(line));
      assert.equal(out[3], '  notification_date:');
      assert.equal(
        out[4],
        'general_information:  # Section 1 General information',
        'the top-level block after the inner key',
      );
    });

    it('does nothing when the key is already there', () => {
      const doc = parse(lines('gpai: 1', 'data:', '  bias_measures: None.'));
      assert.deepEqual(insertKeys(doc, [{ parent: ['data'], keys: ['bias_measures'] }]), []);
    });

    it("leaves an empty document's comments in place and appends after them", () => {
      assert.equal(fixed('# notes\n', insert([], 'gpai')), '# notes\ngpai:  # Format version: 1\n');
    });
  });

  describe('setting a value', () => {
    it('replaces only the value, keeping the comment after it', () => {
      const text = lines('classification:', '  systemic_risk: none  # reviewed 2025-10');
      assert.equal(
        fixed(text, {
          kind: 'set-value',
          path: ['classification', 'systemic_risk'],
          value: 'presumed',
          title: 'Mark systemic risk as presumed',
        }),
        lines('classification:', '  systemic_risk: presumed  # reviewed 2025-10'),
      );
    });

    it('quotes a value YAML would misread', () => {
      const text = lines('model_properties:', '  parameter_range: 500B-1T');
      assert.equal(
        fixed(text, { kind: 'set-value', path: ['model_properties', 'parameter_range'], value: '>1T', title: '' }),
        lines('model_properties:', '  parameter_range: ">1T"'),
      );
    });

    it('writes the value after an empty key, and adds an absent key with its value', () => {
      assert.equal(
        fixed(lines('gpai:', 'a: 1'), { kind: 'set-value', path: ['gpai'], value: '1', title: '' }),
        lines('gpai: 1', 'a: 1'),
      );
      assert.equal(
        fixed(lines('model_properties:', '  total_model_size: 7.3e10'), {
          kind: 'set-value',
          path: ['model_properties', 'parameter_range'],
          value: '50B-100B',
          title: '',
        }),
        lines('model_properties:', '  total_model_size: 7.3e10', '  parameter_range: 50B-100B'),
      );
    });
  });

  it('renames a key in place', () => {
    assert.equal(
      fixed(lines('data:', '  bias_measure: None.  # x'), {
        kind: 'rename-key',
        path: ['data', 'bias_measure'],
        to: 'bias_measures',
      }),
      lines('data:', '  bias_measures: None.  # x'),
    );
  });

  it('deletes a range', () => {
    const range = { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } };
    assert.equal(
      fixed(lines('a: 1', '# gone', 'b: 2'), { kind: 'delete-range', range, title: '' }),
      lines('a: 1', 'b: 2'),
    );
  });

  describe("setting a value in every scalar style (a block scalar's range runs past its final line break)", () => {
    const https = (value: string): FixData => ({
      kind: 'set-value',
      path: ['document', 'requests_contact'],
      value,
      title: 'Use https',
    });
    const around = (written: string) =>
      lines('gpai: 1', 'document:', `  requests_contact: ${written}`, '  quality_and_integrity: Reviewed.');

    it('replaces the text of a `|` or `>-` block scalar only, keeping its header, comment and final line break', () => {
      for (const header of ['|', '>-', '|- # the contact page', '>']) {
        const text = lines(
          'gpai: 1',
          'document:',
          `  requests_contact: ${header}`,
          '    http://acme.example/contact',
          '  quality_and_integrity: Reviewed.',
        );
        assert.equal(
          fixed(text, https('https://acme.example/contact')),
          lines(
            'gpai: 1',
            'document:',
            `  requests_contact: ${header}`,
            '    https://acme.example/contact',
            '  quality_and_integrity: Reviewed.',
          ),
          header,
        );
      }
    });

    it('writes a value that is no string in place of a block scalar, keeping the next key on its line', () => {
      const text = lines('gpai: 1', 'copyright:', '  web_crawling: |  # asked legal', '    false', '  policy: x');
      assert.equal(
        fixed(text, {
          kind: 'set-value',
          path: ['copyright', 'web_crawling'],
          value: 'true',
          title: 'Declare web crawling',
        }),
        lines('gpai: 1', 'copyright:', '  web_crawling: true  # asked legal', '  policy: x'),
      );
    });

    it('keeps the quotes a value was written with', () => {
      assert.equal(
        fixed(around('"http://acme.example"'), https('https://acme.example')),
        around('"https://acme.example"'),
      );
      assert.equal(
        fixed(around("'http://acme.example'"), https('https://acme.example')),
        around("'https://acme.example'"),
      );
      assert.equal(
        fixed(around('http://acme.example # old'), https('https://acme.example')),
        around('https://acme.example # old'),
      );
    });

    it('quotes a value with a comma in a flow mapping', () => {
      const text = lines('gpai: 1', 'document: {requests_contact: "x", version: "1"}');
      assert.equal(
        fixed(text, https('https://a.example/?q=1,2')),
        lines('gpai: 1', 'document: {requests_contact: "https://a.example/?q=1,2", version: "1"}'),
      );
    });
  });

  describe('inserting before a first key written with properties', () => {
    it('inserts above an anchored, tagged or explicit first key, at its column, not between the property and the key', () => {
      for (const first of [
        '&a training_compute: 2.4e25',
        '!!str training_compute: 2.4e25',
        '? training_compute\n  : 2.4e25',
      ]) {
        const text = lines('gpai: 1', 'computational_resources:', `  ${first}`);
        const out = fixed(text, insert(['computational_resources'], 'training_time_range'));
        assert.equal(out, lines('gpai: 1', 'computational_resources:', ...TIME_RANGE, `  ${first}`), first);
      }
    });

    it('indents keys inserted at the top level of a file that starts with a byte-order mark at column 0', () => {
      const text = '\uFEFFgpai: 1\ndocument:\n  version: "1"\n';
      const out = fixed(text, insert([], 'classification'));
      assert.match(out, /\nclassification: {2}#/);
      assert.equal(parse(out).yaml.errors.length, 0);
    });
  });
});
