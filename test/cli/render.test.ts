import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { catalogue } from '../../server/src/engine';
import { ROOT } from '../helpers/text';
import { invalidValues, invalidValuesFile, lineOf } from '../helpers/variants';

const CLI = join(ROOT, 'dist', 'cli.js');
const KESTREL = 'examples/kestrel-13b.gpai.yaml';

function render(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'render', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The item numbers of a Markdown export: the `### n.n` headings and the document rows of the header table. */
function itemNumbers(md: string): string[] {
  const documentRows = [...md.matchAll(/^\| (Document version number|Date the document was last updated) \|/gm)].map(
    (m) => (m[1].startsWith('Document') ? 'D.2' : 'D.1'),
  );
  return [...documentRows, ...[...md.matchAll(/^### (\d+\.\d+) /gm)].map((m) => m[1])];
}

describe('gpai-docs render', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gpai-render-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("prints only the downstream providers' items as Markdown, in the form's order", () => {
    const r = render(KESTREL, '--audience', 'downstream', '--format', 'md', '--today', '2025-11-01');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      itemNumbers(r.stdout),
      catalogue.itemsFor('downstream').map((i) => i.number),
    );
    assert.match(r.stdout, /^# Model Documentation Form\n/);
    assert.match(r.stdout, /\| Prepared for \| Downstream providers \|/);
    assert.doesNotMatch(r.stdout, /^## (Copyright|Safety and Security)$/m, 'the chapters are for the AI Office');
    assert.doesNotMatch(
      r.stdout,
      /### 2\.2 Design specifications of the model/,
      'form 2.2 goes to the authorities only',
    );
  });

  for (const audience of ['ai-office', 'nca'] as const) {
    it(`prints exactly the items for ${audience}`, () => {
      const r = render(KESTREL, '--audience', audience, '--format', 'md');
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(
        itemNumbers(r.stdout),
        catalogue.itemsFor(audience).map((i) => i.number),
      );
    });
  }

  it('writes a standalone HTML page with --out: the stylesheet inside, no script, and says where it went', () => {
    const out = join(dir, 'kestrel.html');
    const r = render(KESTREL, '--audience', 'all', '--format', 'html', '--out', out, '--today', '2025-11-01');
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /kestrel\.html: the Model Documentation Form for all recipients, from examples\/kestrel-13b\.gpai\.yaml; complete: every answer given\n$/,
    );
    const html = readFileSync(out, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<style>[\s\S]*@media print[\s\S]*<\/style>/);
    assert.match(html, /script-src &#39;none&#39;/);
    assert.doesNotMatch(html, /<script|<link /);
    assert.match(html, /Prepared with gpai-docs on 2025-11-01/);
    assert.equal((html.match(/data-item-id="form\//g) ?? []).length, catalogue.formItems.length);
  });

  it('takes the format from the --out file name, and prints HTML by default', () => {
    const out = join(dir, 'kestrel.md');
    assert.equal(render(KESTREL, '--out', out).code, 0);
    assert.match(readFileSync(out, 'utf8'), /^# Model Documentation Form/);
    assert.match(render(KESTREL).stdout, /^<!DOCTYPE html>/);
  });

  const INVALID = invalidValuesFile();

  it('--strict refuses a draft: exit 1, nothing written, one line per problem', () => {
    const out = join(dir, 'strict.html');
    const r = render(INVALID, '--strict', '--audience', 'downstream', '--out', out);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.ok(!existsSync(out), 'nothing written');
    const lines = r.stderr.trimEnd().split('\n');
    assert.match(lines[0], /invalid-values\.gpai\.yaml: 1\.4 Release date: .*2025-13-45 is not a real date/);
    assert.match(lines[1], /: 2\.10 .*not derived: form 2\.9 is not a valid number/);
    const sizeLine = lineOf(invalidValues(), /^\s+total_model_size:/);
    assert.match(lines[2], new RegExp(`: line ${sizeLine}: .*"billion" is not that unit.* \\(precision\\.unit\\)$`));
    assert.equal(lines[3], 'gpai-docs: not rendered (--strict): 3 problems for downstream providers');
    assert.equal(render(KESTREL, '--strict', '--format', 'md', '--out', join(dir, 'ok.md')).code, 0);
  });

  it('marks a draft as such when it writes one', () => {
    const r = render(INVALID, '--format', 'md', '--out', join(dir, 'draft.md'));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /for all recipients \(marked DRAFT\)/);
    assert.match(readFileSync(join(dir, 'draft.md'), 'utf8'), /^> \*\*DRAFT\*\*/m);
  });

  it('writes PDF and DOCX without a browser, the format taken from --out or --format', () => {
    for (const format of ['pdf', 'docx']) {
      const out = join(dir, `kestrel.${format}`);
      const r = render(KESTREL, '--audience', 'downstream', '--out', out);
      assert.equal(r.code, 0, r.stderr);
      const bytes = readFileSync(out);
      assert.equal(bytes.subarray(0, 4).toString('latin1'), format === 'pdf' ? '%PDF' : 'PK\u0003\u0004');
    }
    const docx = join(dir, 'kestrel.nca.docx');
    assert.equal(render(KESTREL, '--audience', 'nca', '--format', 'docx', '--out', docx).code, 0);
    const xml = spawnSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' }).stdout;
    assert.ok(!/>3\.5</.test(xml), 'form 3.5 is not for national authorities');
    const dp = spawnSync('unzip', ['-p', join(dir, 'kestrel.docx'), 'word/document.xml'], { encoding: 'utf8' }).stdout;
    assert.match(dp, />3\.5</, 'form 3.5 is for downstream providers');
  });

  it('--audience downstream includes form 3.5, --audience nca does not', () => {
    const numbers = (audience: string) => itemNumbers(render(KESTREL, '--audience', audience, '--format', 'md').stdout);
    assert.ok(numbers('downstream').includes('3.5'));
    assert.ok(!numbers('nca').includes('3.5'));
  });

  it('--document summary and copyright-policy write the two public documents', () => {
    const summary = render('examples/meadow-7b.gpai.yaml', '--document', 'summary', '--format', 'md');
    assert.equal(summary.code, 0, summary.stderr);
    assert.match(summary.stdout, /^# Public summary of training content$/m);
    assert.match(summary.stdout, /^### 1\\?\.3\\?\.d Latest date of data acquisition/m);
    const policy = render(KESTREL, '--document', 'copyright-policy', '--format', 'html');
    assert.match(policy.stdout, /<h1>Summary of the copyright policy<\/h1>/);
    assert.match(policy.stdout, /script-src &#39;none&#39;/);
  });

  const bad: [string, string[], RegExp][] = [
    [
      'an audience for a public document',
      [KESTREL, '--document', 'summary', '--audience', 'nca'],
      /--audience applies to the form only/,
    ],
    ['an unknown document', [KESTREL, '--document', 'report'], /--document must be form, summary, copyright-policy/],
    [
      'an unknown audience',
      [KESTREL, '--audience', 'everyone'],
      /--audience must be all, ai-office, nca, downstream, not "everyone"/,
    ],
    ['an unknown format', [KESTREL, '--format', 'rtf'], /--format must be html, md, pdf or docx, not "rtf"/],
    ['no file', [], /render takes one file/],
    ['two files', [KESTREL, 'examples/meadow-7b.gpai.yaml'], /render takes one file/],
    ['a file that does not exist', ['nope.gpai.yaml'], /nope\.gpai\.yaml: cannot read the file/],
    ['an unknown option', [KESTREL, '--colour'], /Unknown option '--colour'/],
    [
      'an --out folder that does not exist',
      [KESTREL, '--out', '/nonexistent/dir/x.html'],
      /x\.html: cannot write the file \(ENOENT\)/,
    ],
  ];
  for (const [what, args, message] of bad) {
    it(`exits 2 with one line on ${what}`, () => {
      const r = render(...args);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message);
      assert.match(r.stderr, /^gpai-docs: [^\n]+\n$/);
    });
  }
});

describe('gpai-docs render --out writes no file it should not', () => {
  let dir: string;
  let source: string;
  const original = readFileSync(join(ROOT, KESTREL), 'utf8');
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gpai-render-out-'));
    source = join(dir, 'kestrel.gpai.yaml');
    writeFileSync(source, original);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function refused(args: string[], message: RegExp) {
    const r = render(source, ...args);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^gpai-docs: [^\n]+\n$/);
    assert.match(r.stderr, message);
    assert.equal(readFileSync(source, 'utf8'), original, 'the rendered file is unchanged');
  }

  it('refuses to write over the file it renders, however the path is spelt, even with --force', () => {
    symlinkSync(source, join(dir, 'link.md'));
    linkSync(source, join(dir, 'hard.md'));
    const spellings = [source, join(dir, '.', 'kestrel.gpai.yaml'), `${dir}/../${basename(dir)}/kestrel.gpai.yaml`];
    for (const out of [...spellings, join(dir, 'link.md'), join(dir, 'hard.md')]) {
      refused(['--out', out, '--format', 'md'], /is the file being rendered; choose another file/);
      refused(['--out', out, '--format', 'md', '--force'], /is the file being rendered/);
    }
  });

  it('refuses to write over an existing file without --force, and writes over it with --force', () => {
    const out = join(dir, 'existing.md');
    writeFileSync(out, 'keep me');
    refused(['--out', out], /--out .*existing\.md already exists; add --force to write over it/);
    assert.equal(readFileSync(out, 'utf8'), 'keep me');
    assert.equal(render(source, '--out', out, '--force').code, 0);
    assert.match(readFileSync(out, 'utf8'), /^# Model Documentation Form/);
  });

  it('refuses a FIFO as --out, even with --force, without blocking', () => {
    const fifo = join(dir, 'fifo.md');
    execFileSync('mkfifo', [fifo]);
    refused(['--out', fifo, '--force'], /is not a regular file \(a FIFO\)/);
  });

  it('prints a rendered page with control characters escaped and line breaks kept', () => {
    writeFileSync(join(dir, 'hostile.gpai.yaml'), original.replace(/model_name: .*/, 'model_name: "K\\e]0;pwned\\aX"'));
    const r = render(join(dir, 'hostile.gpai.yaml'), '--format', 'md');
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /\| Model \| K\\x1b\\\]0;pwned\\x07X \|/,
      'Markdown escapes the bracket, the CLI the controls',
    );
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(r.stdout, /[\u001b\u0007]/);
    assert.ok(r.stdout.split('\n').length > 50);
  });
});
