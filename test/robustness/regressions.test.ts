/**
 * Bugs the fuzz and the hostile inputs found, each with the smallest input that showed it (the fuzz's seed
 * and document index in the title where it found them).
 */
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine';
import {
  getCodeActions,
  getCompletions,
  getCoverage,
  getDiagnostics,
  getDocumentSymbols,
  parseGpai,
} from '../helpers/engine';
import { TODAY } from '../helpers/diagnostics';
import { edit, example, parse } from '../helpers/text';
import { Bounds, everyRange, symbolProblems } from '../fuzz/invariants';

describe('robustness: regressions', () => {
  it('answers a completion asked past the end of a line or of the text inside the text (fuzz seed 20250802, document 28)', () => {
    const text = '# Short file: truncated\n';
    for (const position of [
      { line: 0, character: 297 },
      { line: 3, character: 0 },
    ]) {
      const { items } = getCompletions(parse(text), position, { today: TODAY });
      assert.ok(items.length > 0);
      assert.deepEqual(everyRange(new Bounds(text), items, 'completion'), []);
    }
  });

  it('counts a list written where a measure answer wants a block of keys without throwing (fuzz seed 20250802, document 818)', () => {
    const doc = parse('copyright: policy:\n-');
    const report = getCoverage(doc);
    assert.ok(report.roots.length > 0);
    assert.ok(getDiagnostics(doc, { today: TODAY }).diagnostics.some((d) => d.code === 'yaml.syntax'));
  });

  it("keeps each symbol's selection inside its range when a key runs over line breaks (fuzz seed 20250802, documents 743 and 789)", () => {
    for (const text of [':\n|+\n ', 's: e: :\n\r']) {
      assert.deepEqual(symbolProblems(new Bounds(text), getDocumentSymbols(parse(text)), 'outline'), []);
    }
  });

  it("reports a line nested too deeply for the parser's stack instead of throwing (fuzz seed 20250802, document 759)", () => {
    const text = `gpai: 1\ndocument:\n  version: x\n  notes: ${'a: '.repeat(3000)}b\n\nmore: 1\n`;
    const { diagnostics } = getDiagnostics(parseGpai(text), { today: TODAY });
    const syntax = diagnostics.filter((d) => d.code === 'yaml.syntax');
    assert.equal(syntax.length, 1);
    assert.equal(syntax[0].range.start.line, 3);
    assert.match(String(syntax[0].message), /nested too deeply/);
  });

  it('reads a lone \\r as a line break, as editors do, and inserts \\r in a file that uses it (hostile input: mixed line endings)', () => {
    const text = example('kestrel-13b.gpai.yaml');
    const cr = text.replace(/\n/g, '\r');
    const mixed = text
      .split('\n')
      .map((line, i) => line + ['\r\n', '\n', '\r'][i % 3])
      .join('');
    assert.deepEqual(getDiagnostics(parseGpai(cr), { today: TODAY }).diagnostics, []);
    assert.deepEqual(getDiagnostics(parseGpai(mixed), { today: TODAY }).diagnostics, []);
    const doc = parseGpai(edit(cr, '  training_compute: 3.1e23\r', ''));
    const missing = getDiagnostics(doc, { today: TODAY }).diagnostics.filter((d) => d.code === 'missing.item');
    assert.equal(missing.length, 1);
    const [fix] = getCodeActions(doc, missing[0].range, { diagnostics: missing, only: ['quickfix'] }, { today: TODAY });
    const fixed = applyEdits(doc, fix.edit!.changes![doc.uri]);
    assert.ok(!fixed.includes('\n'), 'only \\r line breaks');
    assert.match(fixed, /\r {2}training_compute: {2}# /);
  });

  it('reports at most 101 syntax errors, the last summing up the rest, and offers actions at once (fuzz seed 20250802, document 964)', function () {
    this.timeout(10_000);
    const doc = parseGpai(`# A comment\n${'"'.repeat(150_000)}\n`);
    const { diagnostics } = getDiagnostics(doc, { today: TODAY });
    const syntax = diagnostics.filter((d) => d.code === 'yaml.syntax');
    assert.equal(syntax.length, 101);
    assert.match(String(syntax[100].message), /This is the first of 74,899 more places where the YAML does not parse/);
    getCodeActions(doc, syntax[0].range, { diagnostics: syntax }, { today: TODAY });
  });

  it('checks a mapping of 30,000 keys, and offers its code actions, in seconds (hostile input: a 10 MB file)', function () {
    this.timeout(60_000);
    const started = Date.now();
    const doc = parseGpai(
      `gpai: 1\n${Array.from({ length: 30_000 }, (_, i) => `key${i}: value`).join('\n')}\nkey7: again\n`,
    );
    const { diagnostics } = getDiagnostics(doc, { today: TODAY });
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'yaml.duplicate-key').map((d) => d.range.start.line),
      [30_001],
    );
    getCodeActions(
      doc,
      diagnostics[0].range,
      { diagnostics: diagnostics.slice(0, 20).map((d) => ({ ...d, data: undefined })) },
      { today: TODAY },
    );
    assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
  });

  it("quotes at most 80 characters of the writer's text in a message (hostile input: a number of 10,000 digits; fuzz seed 20250802, document 837)", () => {
    const long = (unit: string) => unit.repeat(Math.ceil(5000 / unit.length));
    const text = edit(
      edit(
        edit(example('kestrel-13b.gpai.yaml'), 'gpai: 1', `gpai: ${'9'.repeat(10_000)}\n${long('k')}: 1`),
        'total_model_size: 1.3e10',
        `total_model_size: ${'9'.repeat(10_000)}`,
      ),
      /license_link: .*/,
      `license_link: www.${long('a')}.example`,
    );
    const { diagnostics } = getDiagnostics(
      parseGpai(edit(text, 'training_compute: 3.1e23', `training_compute: 3.1e23 ${long('FLOPs')}`)),
      { today: TODAY },
    );
    assert.deepEqual(
      ['format.version', 'key.unknown', 'precision.not-a-number', 'link.malformed', 'precision.unit'].filter(
        (c) => !diagnostics.some((d) => d.code === c),
      ),
      [],
    );
    for (const d of diagnostics)
      assert.ok(String(d.message).length < 800, `${String(d.code)}: ${String(d.message).length} characters`);
  });

  it('does not presume systemic risk from a training compute that is no number (.inf, 1e400, 10,000 digits)', () => {
    for (const compute of ['.inf', '3.1e400', `1${'0'.repeat(10_000)}`]) {
      const text = edit(example('kestrel-13b.gpai.yaml'), 'training_compute: 3.1e23', `training_compute: ${compute}`);
      const found = getDiagnostics(parseGpai(text), { today: TODAY }).diagnostics.map((d) => String(d.code));
      assert.ok(found.includes('precision.not-a-number'), compute);
      assert.ok(
        !found.includes('systemic-risk.presumed') && !found.includes('missing.chapter'),
        `${compute.slice(0, 10)}: ${found.join(', ')}`,
      );
    }
  });

  it('reports NUL bytes, other control characters and half surrogate pairs, one finding per line (hostile input: binary garbage and NUL bytes)', () => {
    const text =
      'gpai: 1\n\0\0\0model: \0x\ndocument:\n  version: "1\x1b[0m"\n  notes: \ud800 and 😀 and \u0085 are not alike\n';
    const syntax = getDiagnostics(parseGpai(text), { today: TODAY }).diagnostics.filter(
      (d) => d.code === 'yaml.syntax',
    );
    assert.deepEqual(
      syntax.map((d) => [d.range.start.line, d.range.start.character]),
      [
        [1, 0],
        [3, 13],
        [4, 9],
      ],
    );
    assert.match(String(syntax[0].message), /U\+0000 \(NUL\)/);
    assert.match(String(syntax[2].message), /U\+D800 \(half of a surrogate pair\)/);
  });

  it('reports lists nested a thousand deep, as a value or as a key, as nested too deeply, in a moment (fuzz seed 20250802, document 1193)', function () {
    this.timeout(60_000);
    for (const text of [`gpai: 1\n${'['.repeat(1000)}\n`, `gpai: 1\n? ${'['.repeat(1000)}${']'.repeat(1000)}\n: 1\n`]) {
      const started = Date.now();
      const syntax = getDiagnostics(parseGpai(text), { today: TODAY }).diagnostics.filter(
        (d) => d.code === 'yaml.syntax',
      );
      assert.ok(
        syntax.some((d) => d.range.start.line === 1 && /nested too deeply/.test(String(d.message))),
        syntax.map((d) => d.message).join('\n'),
      );
      assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
    }
  });

  it('reads a tree nested more than 100 levels deep as unreadable, so no feature recurses through it (fuzz seed 20250802, documents 1281 and 1438)', () => {
    const text = `gpai: 1\nnotes: ${'a: '.repeat(1500)}b\n`;
    const doc = parse(text);
    const syntax = getDiagnostics(doc, { today: TODAY }).diagnostics.filter((d) => d.code === 'yaml.syntax');
    assert.ok(
      syntax.some((d) => d.range.start.line === 1 && /nested too deeply/.test(String(d.message))),
      syntax.map((d) => d.message).join('\n'),
    );
    assert.deepEqual(getDocumentSymbols(doc), []);
    assert.ok(getCompletions(doc, { line: 1, character: 3 }, { today: TODAY }).items.length > 0);
  });

  it("puts a range that ends between the \\r and \\n of a line break at its line's end (fuzz seed 20250802, document 1193)", () => {
    const text = '      - : K\r\r\n       c';
    const { diagnostics } = getDiagnostics(parse(text), { today: TODAY });
    assert.ok(diagnostics.length > 0);
    assert.deepEqual(everyRange(new Bounds(text), diagnostics, 'diagnostics'), []);
    assert.deepEqual(parse(text).lines.positionAt(text.indexOf('\r\n') + 1), { line: 1, character: 0 });
  });
});
