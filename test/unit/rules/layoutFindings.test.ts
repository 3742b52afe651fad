/**
 * No false findings from layout (issue 14): a tab, a syntax error or a duplicate key gives its own finding
 * first and never makes a key that is written "missing"; unfinished measures are not asked for facts that
 * exist only once they are done; a missing section is reported where it belongs.
 */
import * as assert from 'node:assert/strict';
import { diagnose, withCode } from '../../helpers/diagnostics';
import { sorted } from '../../../bin/report';
import { edit, example } from '../../helpers/text';

const KESTREL = example('kestrel-13b.gpai.yaml');
const HALCYON = example('halcyon-xl.gpai.yaml');

/** The keys a missing.* finding asks to add, from its quick-fix. */
function missingKeys(text: string): string[] {
  return diagnose(text)
    .filter((d) => String(d.code).startsWith('missing.'))
    .flatMap((d) => (d.data as { fix?: { keys?: string[] } }).fix?.keys ?? []);
}

/** Whether `key:` is written on some line of the text. */
const written = (text: string, key: string) => new RegExp(`^\\s*(?:- )?${key}:`, 'm').test(text);

describe('findings caused by the layout', () => {
  const broken: Record<string, { text: string; code: string }> = {
    'a tab in the indentation': {
      text: edit(KESTREL, '\n  model_architecture:', '\n\tmodel_architecture:'),
      code: 'yaml.tab-indentation',
    },
    'a syntax error': { text: edit(KESTREL, '\n  release_date:', '\n  release_date: [2025'), code: 'yaml.syntax' },
    'a duplicate key': {
      text: edit(KESTREL, '\n  model_architecture:', '\n  model_architecture: Other.\n  model_architecture:'),
      code: 'yaml.duplicate-key',
    },
  };
  for (const [name, { text, code }] of Object.entries(broken)) {
    it(`${name}: its own finding first, and no written key reported missing`, () => {
      const findings = diagnose(text);
      assert.equal(sorted(findings)[0]?.code, code, 'the YAML finding comes first');
      const falselyMissing = missingKeys(text).filter((k) => written(text, k));
      assert.deepEqual(falselyMissing, []);
    });
  }

  it('holds back the syntax errors a tab causes in the lines after it, and says so', () => {
    const text = edit(KESTREL, '\n  model_architecture:', '\n\tmodel_architecture:');
    const [tab] = withCode(text, 'yaml.tab-indentation');
    assert.match(tab.message, /syntax errors it causes in the lines after it are not listed until then/);
    assert.deepEqual(
      withCode(text, 'yaml.syntax').filter((d) => d.range.start.line > tab.range.start.line),
      [],
    );
  });

  it('still reports a section that is really absent when the YAML has an error', () => {
    const text = edit(
      edit(KESTREL, '\n  release_date:', '\n  release_date: [2025'),
      /\nenergy_consumption:\n(?: {2}.*\n)+/,
      '\n',
    );
    assert.ok(missingKeys(text).includes('energy_consumption'));
  });

  it('reports a missing section on the last line of the block before it, not on the first key', () => {
    const text = edit(KESTREL, /\nenergy_consumption:\n(?: {2}.*\n)+/, '\n');
    const [d] = withCode(text, 'missing.section');
    const lines = text.split('\n');
    assert.notEqual(lines[d.range.start.line], 'gpai: 1');
    const next = lines.findIndex((l, i) => i > d.range.start.line && /^\S/.test(l) && !l.startsWith('#'));
    assert.equal(lines[next], 'copyright:', 'the section belongs just before the next one');
  });
});

describe('unfinished measures', () => {
  it('does not ask a planned Model Report for the date it was handed over, and asks once it is implemented', () => {
    const planned = edit(
      HALCYON,
      '    model_report_notifications:\n      status: implemented',
      '    model_report_notifications:\n      status: planned',
    );
    const withoutDate = edit(planned, /\n {6}provided: .*/, '');
    assert.deepEqual(
      missingKeys(withoutDate).filter((k) => k === 'provided'),
      [],
      'no missing date for a report not yet handed over',
    );
    // Once implemented, the date is asked for again.
    const implemented = edit(HALCYON, /\n {6}provided: .*/, '');
    assert.ok(missingKeys(implemented).includes('provided'));
  });
});
