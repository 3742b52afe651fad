/**
 * Bounded work on hostile files (bench/generate.ts): any number of findings of one code gives the first 100
 * and one more that counts the rest, suppressions apply before the cap, and the shape check's work grows
 * linearly with the number of wrong values. Work is counted, never timed.
 */
import * as assert from 'node:assert/strict';
import { HOSTILE_KINDS, hostileDocument, type HostileKind } from '../../bench/generate';
import type { Code } from '../../server/src/engine';
import { capFindings, MAX_FINDINGS_PER_CODE } from '../../server/src/engine/caps';
import type { Finding } from '../../server/src/engine/rules/types';
import { shapeErrors, type ShapeWork } from '../../server/src/engine/schema';
import type { TestDiagnostic } from '../helpers/diagnostics';
import { getDiagnostics, getFoldingRanges, parseGpai, type TestOptions } from '../helpers/engine';
import { example } from '../helpers/text';

const BASE = example('halcyon-xl.gpai.yaml');
const CAP = MAX_FINDINGS_PER_CODE;

function check(text: string, options: TestOptions = {}): TestDiagnostic[] {
  const { diagnostics, failures } = getDiagnostics(parseGpai(text), options);
  assert.deepEqual(failures, []);
  return diagnostics as TestDiagnostic[];
}

function byPosition(a: TestDiagnostic, b: TestDiagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** The summing-up sentence for `total` findings of which the first CAP are listed. */
function counted(total: number): RegExp {
  const more = (total - CAP).toLocaleString('en');
  return new RegExp(
    ` This is the first of ${more} more .+, not listed one by one \\(${total.toLocaleString('en')} in all\\): fix the first ones and check again`,
  );
}

/** The findings of `code`: CAP listed, then the summary, which stands after them all. */
function assertCapped(found: readonly TestDiagnostic[], code: string, total: number): TestDiagnostic {
  const mine = found.filter((d) => d.code === code);
  assert.equal(mine.length, CAP + 1, `${code}: ${mine.length} findings`);
  const summary = mine[CAP];
  assert.match(summary.message, counted(total));
  assert.deepEqual([...mine].sort(byPosition)[CAP], summary, 'the summary comes after the listed findings');
  assert.equal(mine.slice(0, CAP).filter((d) => /This is the first of/.test(d.message)).length, 0);
  return summary;
}

function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  return text.slice(0, at).split('\n').length - 1;
}

describe('robustness: bounded work on hostile files', () => {
  const kinds = (Object.keys(HOSTILE_KINDS) as HostileKind[]).filter((k) => k !== 'suppressed');

  for (const kind of kinds) {
    it(`${kind}: 1,000 findings of ${HOSTILE_KINDS[kind]} give the first ${CAP} and one that counts the rest`, () => {
      assertCapped(check(hostileDocument(BASE, kind, 1000)), HOSTILE_KINDS[kind], 1000);
    });
  }

  it('puts the summary where the first finding past the cap is, in the words of that finding', () => {
    const text = hostileDocument(BASE, 'list-entries', 1000);
    const summary = assertCapped(check(text), 'shape.value', 1000);
    assert.equal(summary.range.start.line, lineOf(text, `- odour ${CAP}\n`));
    assert.match(
      summary.message,
      /^Input modalities .*: this entry must be one of: text, images, audio, video, other\./,
    );
    assert.match(summary.message, / This is the first of 900 more values the form does not allow, not listed/);
  });

  it('checks the 1.8 MB file of 100,000 invalid list entries, with 101 findings (a minute and more before)', function () {
    this.timeout(60_000);
    const found = check(hostileDocument(BASE, 'list-entries', 100_000));
    assertCapped(found, 'shape.value', 100_000);
    assert.deepEqual(
      found.filter((d) => d.code !== 'shape.value'),
      [],
    );
  });

  it('reports 200,000 findings of one rule without overflowing the stack (push(...spread) did)', function () {
    this.timeout(60_000);
    assertCapped(check(hostileDocument(BASE, 'ids', 200_000)), 'reference.unknown-id', 200_000);
  });

  it('folds a file of 200,000 comment blocks (push(...spread) overflowed the stack: no folding at all)', function () {
    this.timeout(60_000);
    const blocks = Array.from({ length: 200_000 }, (_, i) => `# note ${i}\n# more\nk${i}: v`).join('\n');
    const ranges = getFoldingRanges(parseGpai(`gpai: 1\n${blocks}\n`));
    assert.equal(ranges.filter((r) => r.kind === 'comment').length, 200_000);
    assert.deepEqual(ranges[0], { startLine: 1, endLine: 2, kind: 'comment' });
  });

  it('applies suppressions before the cap: a suppressed finding does not count, and silences no other', () => {
    const text = hostileDocument(BASE, 'suppressed', 1000);
    const found = check(text);
    assert.deepEqual(
      found.filter((d) => d.code === 'shape.value' || String(d.code).startsWith('suppression.')),
      [],
      'every entry silenced, every suppression used',
    );
    // Ten entries silenced of 250: 240 count, and a suppression past the 100th finding is used all the same.
    const entries = Array.from({ length: 250 }, (_, n) =>
      n < 10 || n === 200
        ? `    # gpai-docs-disable-next-line shape.value -- a sense we document\n    - odour ${n}`
        : `    - odour ${n}`,
    );
    const some = BASE.replace('  input_modalities: [text, images]', `  input_modalities:\n${entries.join('\n')}`);
    const partly = check(some);
    const summary = assertCapped(partly, 'shape.value', 239);
    assert.equal(summary.range.start.line, lineOf(some, `- odour ${CAP + 10}\n`));
    assert.deepEqual(
      partly.filter((d) => String(d.code).startsWith('suppression.')),
      [],
    );
  });

  it('applies the severity settings after the cap: a code turned off leaves no summary', () => {
    const text = hostileDocument(BASE, 'unknown-keys', 500);
    assertCapped(check(text, { severity: { 'key.unknown': 'information' } }), 'key.unknown', 500);
    assert.deepEqual(
      check(text, { severity: { 'key.unknown': 'off' } }).filter((d) => d.code === 'key.unknown'),
      [],
    );
  });

  it('caps each code on its own, and leaves codes under the cap as they are', () => {
    const finding = (code: Code, line: number): Finding<Code> => ({
      code,
      message: `${code} on line ${line}.`,
      range: { start: { line, character: 0 }, end: { line, character: 1 } },
      fix: { kind: 'rename-key', path: ['model_name'], to: 'name' },
    });
    const many = Array.from({ length: 300 }, (_, i) => finding('key.unknown', 300 - i));
    const few = Array.from({ length: CAP }, (_, i) => finding('answer.empty', i));
    const capped = capFindings([...few, ...many]);
    assert.deepEqual(
      capped.filter((f) => f.code === 'answer.empty'),
      few,
    );
    const unknown = capped.filter((f) => f.code === 'key.unknown');
    assert.deepEqual(
      unknown.map((f) => f.range.start.line),
      Array.from({ length: CAP + 1 }, (_, i) => i + 1),
      'the first in the file, whatever order the rule gave them in',
    );
    assert.match(
      unknown[CAP].message,
      /^key\.unknown on line 101\. This is the first of 200 more unknown keys, not listed one by one \(300 in all\)/,
    );
    assert.equal(unknown[CAP].fix, undefined, 'the summary stands for many places: it offers no fix of one');
    const other = capFindings(Array.from({ length: CAP + 2 }, (_, i) => finding('safety.retention', i)));
    assert.match(other[CAP].message, /the first of 2 more findings like it \(safety\.retention\)/);
  });

  it('keeps the outermost shape errors in work linear in their number', () => {
    const value = (n: number) => ({
      gpai: 1,
      model_properties: {
        input_modalities: Array.from({ length: n }, (_, i) => `odour ${i}`),
        output_modalities: 'text',
        maximum_input_size: Object.fromEntries(Array.from({ length: n }, (_, i) => [`odour_${i}`, '1 whiff'])),
      },
    });
    const work = (n: number) => {
      const counted: ShapeWork = { lookups: 0 };
      const errors = shapeErrors(value(n), counted);
      // Every wrong entry and every wrong key, and the list of outputs that is text.
      assert.equal(errors.length, 2 * n + 1);
      return counted.lookups;
    };
    const once = work(100_000);
    const twice = work(200_000);
    assert.ok(once <= 3 * 200_000, `${once} look-ups for 200,001 errors`);
    assert.ok(twice / once < 2.1, `${twice} look-ups for twice the errors, ${once} before`);
  });
});
