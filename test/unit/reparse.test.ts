import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isScalar, visit, type Node } from 'yaml';
import { type GpaiDocument, type TextChange } from '../../server/src/engine';
import { getCoverage, getDiagnostics, getPreviewModel, parseGpai, reparseGpai } from '../helpers/engine';
import { TODAY } from '../helpers/diagnostics';
import { example, lines, ROOT } from '../helpers/text';

const URI = 'file:///reparse.gpai.yaml';

/** Every node as kind, range and value, in document order: two parses agree when these do. */
function shape(doc: GpaiDocument): unknown[] {
  const out: unknown[] = [doc.yaml.range, doc.yaml.errors.map((e) => [e.code, e.pos])];
  visit(doc.yaml, {
    Node(_, node: Node) {
      out.push([
        node.constructor.name,
        node.range,
        isScalar(node) ? [node.value, node.type, node.comment ?? null] : null,
      ]);
    },
  });
  return out;
}

function apply(text: string, change: TextChange): string {
  return text.slice(0, change.start) + change.text + text.slice(change.end);
}

/** Every node of a document's tree. */
function nodes(doc: GpaiDocument): Set<unknown> {
  const out = new Set<unknown>();
  visit(doc.yaml, {
    Node(_, node) {
      out.add(node);
    },
  });
  return out;
}

/**
 * Reparse `text` after `changes` and check the result against a full parse, and that the previous version is
 * left as it was; whether the new version was built from the previous one's tree (shares some of its nodes).
 */
function check(text: string, changes: readonly TextChange[], withDiagnostics = true): boolean {
  const after = changes.reduce(apply, text);
  const previous = parseGpai(text, URI, 1);
  const before = { shape: shape(previous), starts: [...previous.lines.starts], js: previous.yaml.toJS() as unknown };
  const reparsed = reparseGpai(previous, after, 2, changes);
  const full = parseGpai(after, URI, 2);
  assert.equal(reparsed.text, after);
  assert.equal(reparsed.version, 2);
  assert.deepEqual(shape(reparsed), shape(full), `nodes after ${JSON.stringify(changes)}`);
  assert.deepEqual(reparsed.yaml.toJS(), full.yaml.toJS());
  assert.deepEqual(reparsed.lines.starts, full.lines.starts);
  assert.deepEqual(
    { shape: shape(previous), starts: previous.lines.starts, js: previous.yaml.toJS() as unknown },
    before,
    'the previous version is left as it was',
  );
  if (withDiagnostics)
    assert.deepEqual(
      getDiagnostics(reparsed, { today: TODAY }).diagnostics,
      getDiagnostics(full, { today: TODAY }).diagnostics,
    );
  const old = nodes(previous);
  return [...nodes(reparsed)].some((n) => old.has(n));
}

const at = (text: string, needle: string, offset = 0): number => {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`not in the text: ${needle}`);
  return i + offset;
};

describe('reparse after an edit', () => {
  const text = lines(
    'gpai: 1',
    'document:',
    '  version: "1.1"',
    '  last_updated: 2025-10-24',
    'model_properties:',
    '  model_architecture: Sparse mixture-of-experts # the short answer',
    '  design_specifications: >-',
    '    Halcyon-XL has 96 transformer layers;',
    '    each block holds 128 experts.',
    '',
    '  input_modalities: [text, images]',
    '  total_model_size: 1.1e12',
    'use:',
    '  intended_uses: |',
    '    Drafting and summarising.',
    '  required_software:',
    '    - Python 3.10',
    "    - 'Node.js 20'",
  );

  it('reuses the tree when the writer types inside an answer', () => {
    const typing = [
      { start: at(text, 'layers;'), end: at(text, 'layers;'), text: 'dense ' },
      { start: at(text, '128 experts.', 12), end: at(text, '128 experts.', 12), text: ' More.' },
      { start: at(text, 'Sparse'), end: at(text, 'Sparse', 6), text: 'Dense' },
      { start: at(text, 'summarising'), end: at(text, 'summarising', 11), text: 'translating' },
      { start: at(text, '1.1e12', 6), end: at(text, '1.1e12', 6), text: '5' },
      { start: at(text, 'Python 3.10', 11), end: at(text, 'Python 3.10', 11), text: ' or later' },
      { start: at(text, 'Node.js', 7), end: at(text, 'Node.js', 7), text: ' LTS' },
      { start: at(text, '"1.1"', 2), end: at(text, '"1.1"', 3), text: '2' },
    ];
    for (const change of typing) assert.ok(check(text, [change]), `tree reused for ${JSON.stringify(change)}`);
    assert.ok(
      check(text, typing.slice(0, 1).concat([{ start: at(text, 'Sparse'), end: at(text, 'Sparse'), text: 'A ' }])),
      'two changes in a row',
    );
  });

  it('replays a burst of keystrokes, backspaces and edits elsewhere, with the same result', () => {
    const typed = (at: number, word: string): TextChange[] =>
      [...word].map((ch, i) => ({ start: at + i, end: at + i, text: ch }));
    const start = at(text, 'layers;');
    const word = typed(start, 'dense ');
    assert.ok(check(text, word), 'a word typed letter by letter');
    const backspaces = [6, 5, 4].map((n) => ({ start: start + n - 1, end: start + n, text: '' }));
    assert.ok(check(text, [...word, ...backspaces]), 'typed, then partly deleted');
    assert.ok(
      check(text, [...word, { start: start - 4, end: start + 8, text: 'XY' }]),
      'a selection over typed and older text replaced',
    );
    // Offsets are those of the text each change applies to: after the word typed before.
    assert.ok(check(text, [...word, ...typed(at(text, 'Drafting') + 6, 'Fast ')]), 'then a word in another answer');
    const last = text.lastIndexOf('20');
    assert.ok(
      check(text, [...typed(at(text, 'Drafting'), 'Fast '), ...typed(last + 2 + 5, '24')]),
      'near the end of the file',
    );
  });

  it('gives the full parse for random runs of edits around the cursor', () => {
    let seed = 8;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const origin = at(text, 'transformer layers;');
    for (let run = 0; run < 60; run++) {
      let cursor = origin;
      const changes: TextChange[] = [];
      for (let k = 1 + random(6); k > 0; k--) {
        const kind = random(3);
        const start = cursor - random(4);
        const change =
          kind === 0
            ? { start: cursor, end: cursor, text: 'abc '.slice(0, 1 + random(3)) }
            : kind === 1
              ? { start, end: cursor, text: '' }
              : { start, end: cursor + random(3), text: 'z' };
        changes.push(change);
        cursor = change.start + change.text.length;
      }
      check(text, changes, false);
    }
  });

  it('parses again in full when the edit changes the structure, with the same result', () => {
    const structural: TextChange[] = [
      { start: at(text, 'layers;', 7), end: at(text, 'layers;', 7), text: '\n  x: 1' }, // a line break
      { start: at(text, 'model_architecture', 5), end: at(text, 'model_architecture', 5), text: 'z' }, // a key
      { start: at(text, 'Sparse', 6), end: at(text, 'Sparse', 6), text: ': x' }, // a mapping in a plain scalar
      { start: at(text, 'Sparse', 6), end: at(text, 'Sparse', 6), text: ' #' }, // a comment cuts the value
      { start: at(text, 'text, images', 4), end: at(text, 'text, images', 4), text: ', audio' }, // a flow list
      { start: at(text, '>-', 2), end: at(text, '>-', 2), text: '2' }, // the block header
      { start: at(text, '    each'), end: at(text, '    each', 3), text: '' }, // the indentation
      { start: at(text, '"1.1"', 1), end: at(text, '"1.1"', 1), text: '"' }, // a quote closes early
      { start: at(text, 'gpai: 1', 6), end: at(text, 'gpai: 1', 7), text: '[' }, // an error
    ];
    for (const change of structural)
      assert.equal(check(text, [change]), false, `parsed in full for ${JSON.stringify(change)}`);
  });

  it('gives the full parse for one-character edits all over the examples', () => {
    const files = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.gpai.yaml'));
    const inside = { reused: 0, total: 0 };
    for (const file of files) {
      const source = example(file);
      const edits: { change: TextChange; inValue: boolean }[] = [];
      let seen = 0;
      visit(parseGpai(source).yaml, {
        Scalar(key, node) {
          if (!node.range || seen++ % 17) return;
          const [start, end] = node.range;
          const middle = (start + end) >> 1;
          // Keys and the edges of values as well: those edits are parsed in full, and must give the same.
          edits.push({ change: { start, end: start, text: 'x' }, inValue: false });
          if (key === 'key') return;
          edits.push({
            change: { start: middle, end: source[middle] === '\n' ? middle : middle + 1, text: '' },
            inValue: true,
          });
          edits.push({ change: { start: end, end, text: ' y' }, inValue: true });
        },
      });
      for (const { change, inValue } of edits) {
        const reused = check(source, [change], false);
        if (inValue) {
          inside.total++;
          if (reused) inside.reused++;
        }
      }
    }
    assert.ok(
      inside.reused > 0.6 * inside.total,
      `the tree is reused for most edits inside values (${inside.reused} of ${inside.total})`,
    );
  });

  it('keeps line endings and positions right in CRLF and CR files', () => {
    for (const eol of ['\r\n', '\r']) {
      const other = text.replace(/\n/g, eol);
      assert.ok(check(other, [{ start: at(other, 'layers;'), end: at(other, 'layers;'), text: 'dense ' }]));
      assert.ok(check(other, [{ start: at(other, 'Sparse'), end: at(other, 'Sparse', 6), text: 'Dense' }]));
      assert.equal(
        check(other, [{ start: at(other, '    each'), end: at(other, '    each', 3), text: '' }]),
        false,
        'indentation',
      );
    }
  });

  it('moves the line index with the edits, as a new index of the text would be', () => {
    const previous = parseGpai(text, URI, 1);
    const change = { start: at(text, 'layers;'), end: at(text, 'layers;', 7), text: 'layers and more;' };
    const reparsed = reparseGpai(previous, apply(text, change), 2, [change]);
    assert.deepEqual(reparsed.lines.starts, parseGpai(reparsed.text).lines.starts);
  });

  it('reads each checked version as a full parse would, while what it read of unchanged answers is kept', () => {
    // Typing that makes and unmakes findings: a placeholder, an http link, a date that does not exist, an
    // answer cut to one word. Each version is checked (its model made) before the next edit, as in the
    // editor, so each next model follows from the previous one.
    let seed = 3;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const inserts = ['TODO ', 'http://', 'x', ' ', '3', '-', 'lorem ipsum ', '<fill in> ', '\u0007', '\ufffd'];
    // Besides the examples: a block written once and used again through an alias (an edit inside it changes
    // two places of the file's data), a key written twice, and a control character already in the file.
    const odd = lines(
      'gpai: 1',
      'model_properties: &props',
      '  model_architecture: Sparse mixture-of-experts # \u0001 a control character',
      '  total_model_size: 1.1e12',
      'general_information:',
      '  model_name: Halcyon',
      '  model_name: Halcyon-XL',
      '  release_date: 2025-10-24',
      'extra: *props',
    );
    const sources = readdirSync(join(ROOT, 'examples'))
      .filter((f) => f.endsWith('.gpai.yaml'))
      .map((file) => [file, example(file)] as const)
      .concat([['an alias, a key twice and a control character', odd]]);
    let followed = 0;
    for (const [file, source] of sources) {
      let doc = parseGpai(source, URI, 1);
      getDiagnostics(doc);
      for (let k = 0; k < 12; k++) {
        const values: [number, number][] = [];
        visit(doc.yaml, {
          Scalar(key, node) {
            if (key !== 'key' && node.range && node.range[1] > node.range[0])
              values.push([node.range[0], node.range[1]]);
          },
        });
        const [start, end] = values[random(values.length)];
        const at = start + random(end - start + 1);
        const change =
          random(3) === 0
            ? { start: at, end: Math.min(at + 1 + random(8), end), text: '' }
            : { start: at, end: at, text: inserts[random(inserts.length)] };
        const text = apply(doc.text, change);
        const next = reparseGpai(doc, text, doc.version + 1, [change]);
        const full = parseGpai(text, URI, doc.version + 1);
        const old = nodes(doc);
        if ([...nodes(next)].some((n) => old.has(n))) followed++;
        const what = `${file}, edit ${k} ${JSON.stringify(change)}`;
        assert.deepEqual(getDiagnostics(next).diagnostics, getDiagnostics(full).diagnostics, what);
        assert.deepEqual(getCoverage(next), getCoverage(full), what);
        assert.deepEqual(getPreviewModel(next), getPreviewModel(full), what);
        doc = next;
      }
    }
    assert.ok(followed > 54, `most versions follow from the previous one (${followed} of 108)`);
  });

  it('keeps the file as plain data right when an edited value is used again through an alias', () => {
    // The copyright policy's block is anchored and written again through an alias: a status edited in it is
    // wrong in two places of the data the schema reads, and the shape check must report both, as a full parse.
    const source = example('halcyon-xl.gpai.yaml').replace('  policy:\n', '  policy: &policy\n');
    const aliased = source.replace('  lawful_access:\n', '  lawful_access: *policy\n  lawful_access_before:\n');
    for (const [text, places] of [
      [source, 1],
      [aliased, 2],
    ] as const) {
      const previous = parseGpai(text, URI, 1);
      getDiagnostics(previous);
      const at = text.indexOf('implemented', text.indexOf('&policy')) + 'implemented'.length;
      const change = { start: at, end: at, text: 'x' };
      const next = reparseGpai(previous, apply(text, change), 2, [change]);
      const full = parseGpai(apply(text, change), URI, 2);
      const shapes = (doc: GpaiDocument) =>
        getDiagnostics(doc).diagnostics.filter(
          (d) =>
            d.code === 'shape.value' && /`status` of Copyright Measure 1\.[12] must be one of/.test(String(d.message)),
        );
      assert.deepEqual(shapes(next), shapes(full));
      assert.equal(shapes(full).length, places, 'the status written wrong is reported where it stands');
    }
  });
});
