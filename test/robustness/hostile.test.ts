/**
 * The hostile inputs of the robustness issue, one test each: the engine gives each a clear diagnostic at
 * its line (or none where the input is fine), in bounded time and memory, and a real server over the
 * protocol publishes the same, answers every request on it, and goes on serving a normal document.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CodeLensRequest,
  DiagnosticSeverity,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  type Diagnostic,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { Requests } from '../../shared/names';
import { getDiagnostics, parseGpai } from '../helpers/engine';
import { MAX_FINDINGS_PER_CODE } from '../../server/src/engine/caps';
import { TODAY, type TestDiagnostic } from '../helpers/diagnostics';
import { edit, example, ROOT } from '../helpers/text';
import { Bounds, diagnosticProblems, everyRange } from '../fuzz/invariants';
import { TestClient } from '../server/client';

const KESTREL = example('kestrel-13b.gpai.yaml');
const NESTED_TOO_DEEPLY = /Lists or mappings are nested too deeply here to be read/;

/** What an empty document (or one of comments only) is missing: the header, the classification, the eight sections, copyright and the summary. */
const MISSING_ALL = [
  'missing.classification',
  'missing.commitment',
  'missing.item',
  ...Array<string>(8).fill('missing.section'),
  'missing.summary',
];

/** The zero-based line of the first line of `text` that includes `needle`. */
function lineOf(text: string, needle: string): number {
  const line = text.split(/\r\n|\r|\n/).findIndex((l) => l.includes(needle));
  if (line < 0) throw new Error(`test text: no line with ${needle}`);
  return line;
}

const codesOf = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => String(d.code)).sort();
const brief = (d: Diagnostic) =>
  `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.message}`;

/** The engine's findings: every range inside the text, every message said, no rule failed. */
function check(text: string, where: string): TestDiagnostic[] {
  const { diagnostics, failures } = getDiagnostics(parseGpai(text), { today: TODAY });
  assert.deepEqual(failures, [], where);
  assert.deepEqual(diagnosticProblems(new Bounds(text), diagnostics, where), []);
  return diagnostics as TestDiagnostic[];
}

/** Deterministic bytes, all 256 values (xorshift32): the same garbage on every run. */
function garbage(length: number, seed = 20250802): Buffer {
  const bytes = Buffer.alloc(length);
  let s = seed;
  for (let i = 0; i < length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    bytes[i] = s & 0xff;
  }
  return bytes;
}

describe('robustness: hostile inputs', function () {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.dispose());

  /**
   * The hostile document over the protocol: the server publishes what the engine found, answers hover,
   * completion, code actions, symbols, folding, links, lenses, preview and coverage on it with ranges inside
   * it; then a normal document opened after it checks clean and gets its hover.
   */
  async function serve(name: string, text: string, expected: readonly Diagnostic[], at: Position): Promise<void> {
    const uri = `file:///work/hostile/${name}.gpai.yaml`;
    const published = await client.open(uri, text);
    assert.deepEqual(published.map(brief), expected.map(brief));
    const textDocument = { uri };
    const range = expected[0]?.range ?? { start: at, end: at };
    const { connection } = client;
    const answers = await Promise.all([
      client.hover(uri, at),
      client.completion(uri, at),
      client.codeActions(uri, range, { diagnostics: published.slice(0, 20) }),
      connection.sendRequest(DocumentSymbolRequest.type, { textDocument }),
      connection.sendRequest(FoldingRangeRequest.type, { textDocument }),
      connection.sendRequest(DocumentLinkRequest.type, { textDocument }),
      connection.sendRequest(CodeLensRequest.type, { textDocument }),
      connection.sendRequest(Requests.preview, { uri }),
      connection.sendRequest(Requests.coverage, { uri }),
    ]);
    assert.deepEqual(everyRange(new Bounds(text), answers, name), []);
    await client.close(uri);

    const after = `file:///work/hostile/after-${name}.gpai.yaml`;
    assert.deepEqual(await client.open(after, KESTREL), [], `a normal document after ${name}`);
    const hover = await client.hover(after, { line: lineOf(KESTREL, 'general_information:'), character: 3 });
    assert.match((hover?.contents as { value: string } | undefined)?.value ?? '', /Section 1 “General information”/);
    await client.close(after);
  }

  it('a YAML alias bomb (billion laughs): one yaml.alias-limit at the first alias, expansion capped at 100, in little memory', async function () {
    this.timeout(30_000);
    // lol9 would expand to 10^9 "lol"s.
    const lines = ['gpai: 1', 'lol: &lol "lol"', `lol1: &lol1 [${Array<string>(10).fill('*lol').join(', ')}]`];
    for (let i = 2; i <= 9; i++)
      lines.push(
        `lol${i}: &lol${i} [${Array<string>(10)
          .fill(`*lol${i - 1}`)
          .join(', ')}]`,
      );
    const text = `${lines.join('\n')}\n`;
    const heapBefore = process.memoryUsage().heapUsed;
    const found = check(text, 'alias bomb');
    const grown = process.memoryUsage().heapUsed - heapBefore;
    assert.ok(grown < 200e6, `the heap grew by ${Math.round(grown / 1e6)} MB`);
    assert.deepEqual(
      codesOf(found),
      [...Array<string>(10).fill('key.unknown'), ...MISSING_ALL, 'yaml.alias-limit'].sort(),
    );
    const [bomb] = found.filter((d) => d.code === 'yaml.alias-limit');
    assert.deepEqual(
      bomb.range,
      { start: { line: 2, character: 13 }, end: { line: 2, character: 17 } },
      'the first *lol',
    );
    assert.match(
      bomb.message,
      /Aliases \(\*name\) in this file expand to too much content \(more than 100 expansions\)/,
    );
    assert.equal(bomb.severity, DiagnosticSeverity.Error);

    const heapBeforeServer = process.memoryUsage().heapUsed;
    await serve('alias-bomb', text, found, { line: 10, character: 20 });
    const grownServing = process.memoryUsage().heapUsed - heapBeforeServer;
    assert.ok(grownServing < 200e6, `serving it grew the heap by ${Math.round(grownServing / 1e6)} MB`);
  });

  it('nesting 10,000 levels deep ("a: a: …" on one line, ever deeper indentation, "[[[…"): one yaml.syntax "nested too deeply" on the line', async function () {
    this.timeout(120_000);
    const cases: [string, string, number][] = [
      ['nesting-keys-on-one-line', `gpai: 1\nnotes: ${'a: '.repeat(10_000)}b\n`, 1],
      // Line i + 1 is indented i spaces: the first mapping deeper than 100 levels starts on line 102.
      [
        'nesting-indentation',
        `gpai: 1\n${Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')}\n`,
        102,
      ],
      ['nesting-brackets', `gpai: 1\nx: ${'['.repeat(10_000)}\n`, 1],
      ['nesting-brackets-closed', `gpai: 1\nx: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, 1],
    ];
    for (const [name, text, line] of cases) {
      const found = check(text, name);
      assert.deepEqual(
        found.map((d) => [d.code, d.range.start.line]),
        [['yaml.syntax', line]],
        name,
      );
      assert.match(found[0].message, NESTED_TOO_DEEPLY, name);
      assert.match(found[0].message, /look for text pasted many times over or a bracket left open/, name);
      await serve(name, text, found, { line, character: 4 });
    }
  });

  it('a 10 MB file (an answer of 10 MB of prose): one length.recommended hint, and the server still answers', async function () {
    this.timeout(60_000);
    const sentence =
      'The model was trained on a filtered mix of public web text, licensed books and code; each source is described below. ';
    const paragraph = `    ${sentence.repeat(100)}`;
    const prose = Array<string>(Math.ceil(10e6 / paragraph.length))
      .fill(paragraph)
      .join('\n');
    const text = edit(KESTREL, /( {2}design_specifications: >-\n)( {4}.*\n)+/, `$1${prose}\n`);
    assert.ok(text.length > 10e6, `${text.length} characters`);
    const found = check(text, '10 MB');
    const line = lineOf(text, 'design_specifications:');
    assert.deepEqual(
      found.map((d) => [d.code, d.range.start.line, d.severity]),
      [['length.recommended', line, DiagnosticSeverity.Hint]],
    );
    assert.match(
      found[0].message,
      /Form 2\.2 “Design specifications of the model” has \d+ words; the form recommends 100 words/,
    );
    await serve('ten-megabytes', text, found, { line: line + 500, character: 10 });
  });

  it('binary garbage and NUL bytes: one yaml.syntax per line naming the character, capped, with a summary past 100 lines', async function () {
    this.timeout(30_000);
    const nul = edit(KESTREL, 'model_name: Kestrel-13B', 'model_name: Kestrel\0\0\0-13B');
    const line = lineOf(nul, 'model_name:');
    const found = check(nul, 'NUL bytes');
    assert.deepEqual(
      found.map((d) => [d.code, d.range.start.line, d.range.start.character]),
      [['yaml.syntax', line, 21]],
      'one finding for the three NULs of the line',
    );
    assert.match(
      found[0].message,
      /holds the character U\+0000 \(NUL\), which YAML does not allow: the file may be binary or damaged/,
    );
    await serve('nul-bytes', nul, found, { line, character: 4 });

    // 64 KB of random bytes, decoded as the editor decodes a file: as UTF-8, bad bytes becoming U+FFFD.
    const binary = garbage(65_536).toString('utf8');
    const noise = check(binary, 'binary garbage');
    const syntax = noise.filter((d) => d.code === 'yaml.syntax');
    const characters = syntax.filter((d) => /^This line holds /.test(d.message));
    assert.ok(characters.length > 0);
    assert.equal(new Set(characters.map((d) => d.range.start.line)).size, characters.length, 'one per line');
    // The parser's errors and the characters share the cap on findings per code (engine/caps.ts).
    assert.equal(syntax.length, MAX_FINDINGS_PER_CODE + 1);
    assert.match(
      syntax[MAX_FINDINGS_PER_CODE].message,
      /This is the first of [\d,]+ more places where the YAML does not parse, not listed one by one/,
    );
    // What the parser made of the rest: keys made of garbage, and what the file is missing.
    const others = new Set(noise.filter((d) => d.code !== 'yaml.syntax').map((d) => String(d.code)));
    assert.deepEqual(
      [...others].filter((c) => !['format.version', 'key.unknown'].includes(c) && !c.startsWith('missing.')),
      [],
    );
    await serve('binary-garbage', binary, noise, { line: 3, character: 2 });
  });

  it('tabs as indentation: yaml.tab-indentation at the tab, and the key it moved out of its section named, never reported missing', async () => {
    const text = edit(KESTREL, '  total_model_size: 1.3e10', '\ttotal_model_size: 1.3e10');
    const line = lineOf(text, 'total_model_size');
    const found = check(text, 'tabs');
    assert.deepEqual(codesOf(found), ['key.unknown', 'yaml.tab-indentation']);
    const tab = found.find((d) => d.code === 'yaml.tab-indentation')!;
    assert.deepEqual(tab.range, { start: { line, character: 0 }, end: { line, character: 1 } });
    assert.match(tab.message, /YAML does not allow tabs for indentation\. Replace the tab with spaces/);
    assert.match(
      found.find((d) => d.code === 'key.unknown')!.message,
      /"total_model_size" does not belong in the top level: it goes under `model_properties`/,
    );
    await serve('tabs', text, found, { line, character: 3 });
  });

  it('duplicate keys: yaml.duplicate-key on the second key only', async () => {
    const text = edit(
      KESTREL,
      '  model_name: Kestrel-13B\n',
      '  model_name: Kestrel-13B\n  model_name: Kestrel-13B-Instruct\n',
    );
    const line = lineOf(text, 'model_name: Kestrel-13B-Instruct');
    const found = check(text, 'duplicate keys');
    assert.deepEqual(
      found.map((d) => [d.code, d.range]),
      [['yaml.duplicate-key', { start: { line, character: 2 }, end: { line, character: 12 } }]],
    );
    assert.equal(lineOf(text, 'model_name:') + 1, line);
    assert.match(found[0].message, /This key is already written above in the same block; only one can count/);
    await serve('duplicate-keys', text, found, { line, character: 4 });
  });

  it('CRLF and mixed line endings (\\r\\n, \\n, a lone \\r): no finding, and lines counted as the editor counts them', async () => {
    const crlf = KESTREL.replace(/\n/g, '\r\n');
    const mixed = KESTREL.split('\n')
      .map((l, i) => l + ['\r\n', '\n', '\r'][i % 3])
      .join('');
    for (const [name, text] of [
      ['crlf', crlf],
      ['mixed-line-endings', mixed],
    ]) {
      assert.deepEqual(check(text, name), [], name);
      await serve(name, text, [], { line: lineOf(text, 'general_information:'), character: 3 });
      // A finding lands on the same line as in the \n file.
      const tabbed = edit(text, '  total_model_size', '\ttotal_model_size');
      const tab = check(tabbed, `${name} with a tab`).filter((d) => d.code === 'yaml.tab-indentation');
      assert.deepEqual(
        tab.map((d) => d.range.start.line),
        [lineOf(KESTREL, 'total_model_size')],
        name,
      );
    }
  });

  it('a byte-order mark: no finding, and positions on its line count it as a character', async () => {
    const bom = `\ufeff${KESTREL}`;
    assert.deepEqual(check(bom, 'BOM'), []);
    await serve('byte-order-mark', bom, [], { line: lineOf(bom, 'gpai: 1'), character: 1 });
    const first = check('\ufeffgpai: 2\n', "BOM on the first key's line");
    const version = first.find((d) => d.code === 'format.version')!;
    assert.deepEqual(
      version.range,
      { start: { line: 0, character: 7 }, end: { line: 0, character: 8 } },
      'the "2" after the BOM and "gpai: "',
    );
    assert.match(version.message, /reads format version 1; the file says 2/);
    assert.deepEqual(codesOf(first), ['format.version', ...MISSING_ALL].sort());
  });

  it('invalid UTF-8 (decoded to U+FFFD as the editor does): a yaml.syntax warning saying characters were lost; the CLI refuses the bytes', async function () {
    this.timeout(30_000);
    const [before, after] = KESTREL.split('model_name: Kestrel-13B');
    const bytes = Buffer.concat([
      Buffer.from(`${before}model_name: Kestrel-13B caf`),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from(after),
    ]);
    const text = bytes.toString('utf8');
    assert.ok(text.includes('caf\ufffd(\ufffd'));
    const line = lineOf(text, 'model_name:');
    const found = check(text, 'invalid UTF-8');
    const character = text.split('\n')[line].indexOf('\ufffd');
    assert.deepEqual(
      found.map((d) => [d.code, d.severity, d.range]),
      [
        [
          'yaml.syntax',
          DiagnosticSeverity.Warning,
          { start: { line, character }, end: { line, character: character + 1 } },
        ],
      ],
    );
    assert.match(
      found[0].message,
      /U\+FFFD, the replacement character .*: the file was not valid UTF-8 text where it was read.*the characters here were lost\. Retype them and save the file as UTF-8/,
    );
    await serve('invalid-utf8', text, found, { line, character: 4 });

    const cli = join(ROOT, 'dist', 'cli.js');
    if (!existsSync(cli)) return;
    const dir = mkdtempSync(join(tmpdir(), 'gpai-hostile-'));
    try {
      const path = join(dir, 'latin1.gpai.yaml');
      writeFileSync(path, bytes);
      const r = spawnSync(process.execPath, [cli, 'check', path, '--today', TODAY], { encoding: 'utf8' });
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.match(r.stdout + r.stderr, /latin1\.gpai\.yaml: not valid UTF-8 text; save the file as UTF-8/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a file of only comments: no yaml.* finding, only what is missing, at its first character', async () => {
    const text = '# Model documentation for Kestrel-13B.\n# To be written.\n';
    const found = check(text, 'only comments');
    assert.deepEqual(codesOf(found), MISSING_ALL);
    assert.ok(found.every((d) => d.range.start.line === 0 && d.range.start.character === 0));
    assert.match(found.find((d) => d.code === 'missing.item')!.message, /The document header is missing/);
    await serve('only-comments', text, found, { line: 2, character: 0 });
  });

  it('an empty file: no yaml.* finding, only what is missing, at 0:0; completion offers the top-level keys', async () => {
    const found = check('', 'empty');
    assert.deepEqual(codesOf(found), MISSING_ALL);
    assert.ok(found.every((d) => d.range.start.line === 0 && d.range.end.line === 0 && d.range.end.character === 0));
    assert.match(
      found.find((d) => d.code === 'missing.classification')!.message,
      /The model's classification is missing/,
    );
    await serve('empty', '', found, { line: 0, character: 0 });
    const uri = 'file:///work/hostile/empty-completion.gpai.yaml';
    await client.open(uri, '');
    const labels = (await client.completion(uri, { line: 0, character: 0 })).map((i) => i.label);
    assert.ok(
      ['gpai', 'document', 'classification', 'general_information'].every((k) => labels.includes(k)),
      labels.join(', '),
    );
    await client.close(uri);
  });

  it('several YAML documents in one file: yaml.multiple-documents from the second "---", and only the first document checked', async () => {
    const small = 'gpai: 1\n---\ngpai: 1\n';
    const found = check(small, 'several documents');
    assert.deepEqual(codesOf(found), [...MISSING_ALL, 'yaml.multiple-documents'].sort());
    const multiple = found.find((d) => d.code === 'yaml.multiple-documents')!;
    assert.deepEqual(multiple.range.start, { line: 1, character: 0 });
    assert.match(
      multiple.message,
      /The file holds more than one YAML document \(a second "---"\).*only the first document is checked/,
    );
    await serve('several-documents', small, found, { line: 2, character: 1 });

    const twice = `${KESTREL}---\n${KESTREL.replace('gpai: 1', 'gpai: 2')}`;
    const both = check(twice, 'the example twice');
    assert.deepEqual(
      both.map((d) => [d.code, d.range.start.line]),
      [['yaml.multiple-documents', KESTREL.split('\n').length - 1]],
      'nothing from the second document',
    );
    await serve('example-twice', twice, both, { line: 210, character: 2 });
  });

  it('a number with 10,000 digits: precision.not-a-number and shape.type on it, quoting 80 digits at most, and no systemic risk presumed', async () => {
    const size = edit(KESTREL, 'total_model_size: 1.3e10', `total_model_size: ${'9'.repeat(10_000)}`);
    const line = lineOf(size, 'total_model_size:');
    const found = check(size, '10,000 digits');
    assert.deepEqual(
      found.map((d) => [d.code, d.range]),
      ['shape.type', 'precision.not-a-number'].map((c) => [
        c,
        { start: { line, character: 20 }, end: { line, character: 10_020 } },
      ]),
    );
    const nan = found.find((d) => d.code === 'precision.not-a-number')!;
    assert.match(nan.message, /^Form 2\.9 “Total model size” asks for a number; "9{79}…" is not one/);
    assert.ok(
      found.every((d) => d.message.length < 800),
      found.map((d) => d.message.length).join(', '),
    );
    await serve('ten-thousand-digits', size, found, { line, character: 30 });

    const compute = check(
      edit(KESTREL, 'training_compute: 3.1e23', `training_compute: 1${'0'.repeat(10_000)}`),
      '10,000 digits of compute',
    );
    assert.deepEqual(codesOf(compute), ['precision.not-a-number', 'shape.type']);
  });
});
