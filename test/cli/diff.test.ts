import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { execFileSync as run, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { getFormItem, ref } from '../../server/src/engine/catalogue';
import type { DocumentChanges } from '../../shared/changes';
import { edit, example } from '../helpers/text';
import { put, runCli, stderrLines, tempDir } from './runCli';

const FILE = 'docs/kestrel-13b.gpai.yaml';

/** Three released versions of one file: 2.0, then 2.1 (a licence), then 2.2 (sizes, a model version, copyright). */
function versions(): [string, string, string] {
  const base = example('kestrel-13b.gpai.yaml');
  const v1 = edit(
    edit(base, 'version: "2.1"', 'version: "2.0"'),
    'last_updated: 2025-10-14',
    'last_updated: 2025-09-02',
  );
  const v2 = edit(base, 'license_type: Proprietary commercial licence', 'license_type: Kestrel commercial licence 2.0');
  let v3 = edit(edit(v2, 'version: "2.1"', 'version: "2.2"'), 'last_updated: 2025-10-14', 'last_updated: 2025-11-01');
  v3 = edit(v3, 'total_model_size: 1.3e10', 'total_model_size: 1.6e10');
  v3 = edit(v3, '    - Kestrel-13B-Base-2507\n', '    - Kestrel-13B-Base-2507\n    - Kestrel-13B-Chat-2510\n');
  v3 = edit(v3, 'training_compute: 3.1e23', 'training_compute: 3.1×10^23');
  v3 = edit(v3, /( {2}output_mitigations:\n {4}status:) implemented/, '$1 in_progress');
  return [v1, v2, v3];
}

function git(cwd: string, ...args: string[]): void {
  execFileSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args],
    { cwd, stdio: 'ignore' },
  );
}

/** A repository whose history holds the three versions, tagged v1, v2 and v3. */
function repository(): string {
  const dir = tempDir('diff');
  git(dir, 'init', '-q');
  versions().forEach((text, i) => {
    put(dir, FILE, text);
    git(dir, 'add', FILE);
    git(dir, 'commit', '-q', '-m', `Version ${i + 1}`);
    git(dir, 'tag', `v${i + 1}`);
  });
  return dir;
}

const EXPECTED: Record<DocumentChanges['audience'], string[]> = {
  all: ['form/D.2', 'form/D.1', 'form/1.2', 'form/2.9', 'form/2.10', 'form/3.4', 'form/7.4', 'copyright/1.4'],
  'ai-office': ['form/D.2', 'form/D.1', 'form/1.2', 'form/2.9', 'form/7.4', 'copyright/1.4'],
  nca: ['form/D.2', 'form/D.1', 'form/1.2', 'form/2.10'],
  downstream: ['form/D.2', 'form/D.1', 'form/1.2', 'form/2.10', 'form/3.4'],
};

describe('gpai-docs diff', () => {
  let repo: string;
  before(() => {
    repo = repository();
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  const diff = (...args: string[]) => runCli(['diff', ...args, '--today', '2025-11-01'], repo);

  for (const audience of Object.keys(EXPECTED) as DocumentChanges['audience'][]) {
    it(`lists what changed since v1 for ${audience} as JSON`, () => {
      const r = diff('--since', 'v1', FILE, '--audience', audience, '--format', 'json');
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '');
      const changes = JSON.parse(r.stdout) as DocumentChanges & { sources: { old: string; new: string } };
      assert.deepEqual(changes.sources, { old: `v1:${FILE}`, new: FILE });
      assert.equal(changes.audience, audience);
      assert.deepEqual([changes.old.version, changes.old.lastUpdated], ['2.0', '2025-09-02']);
      assert.deepEqual([changes.new.version, changes.new.lastUpdated], ['2.2', '2025-11-01']);
      const items = changes.groups.flatMap((g) => g.items);
      assert.deepEqual(
        items.map((i) => i.id),
        EXPECTED[audience],
      );
      if (audience !== 'all') for (const i of items) assert.ok(i.recipients.includes(audience), i.id);
      const kinds = Object.fromEntries(items.map((i) => [i.id, i.kind]));
      assert.equal(kinds['form/1.2'], 'added');
      if (kinds['form/7.4']) assert.equal(kinds['form/7.4'], 'reworded');
    });

    it(`lists what changed since v1 for ${audience} as text`, () => {
      const r = diff('--since', 'v1', FILE, '--audience', audience);
      assert.equal(r.code, 0, r.stderr);
      const lines = r.stdout.split('\n');
      assert.match(lines[0], /from version 2\.0 of 2025-09-02 to version 2\.2 of 2025-11-01\.$/);
      assert.ok(lines.includes(`  before: v1:${FILE}`), r.stdout);
      const headings = lines.filter((l) => /^ {2}\S/.test(l) && !/^ {2}(before|now):/.test(l));
      const refs = headings.map((l) => /^ {2}(Form [\w.]+|Copyright Measure [\d.]+)/.exec(l)![1]);
      assert.deepEqual(
        refs,
        EXPECTED[audience].map((id) => ref(id)),
      );
      assert.ok(lines.includes('    Model versions, entry 2 (added): Kestrel-13B-Chat-2510'), r.stdout);
    });
  }

  it('compares two revisions, and a revision with a file, by <git-ref>:<path>', () => {
    const r = diff(`v1:${FILE}`, `v2:${FILE}`, '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const items = (JSON.parse(r.stdout) as DocumentChanges).groups.flatMap((g) => g.items.map((i) => i.id));
    assert.deepEqual(items, ['form/D.2', 'form/D.1', 'form/3.4']);
    const same = diff(`v3:${FILE}`, FILE, '--format', 'json');
    assert.deepEqual((JSON.parse(same.stdout) as DocumentChanges).groups, []);
  });

  it('writes a change notice in Markdown and HTML with both versions and dates', () => {
    const md = diff('--since', 'v2', FILE, '--audience', 'downstream', '--format', 'md');
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /^# Changes to the documentation of Kestrel-13B\n/);
    assert.match(
      md.stdout,
      /for downstream providers, from version 2\.1 of 2025-10-14 to version 2\.2 of 2025-11-01\./,
    );
    assert.match(md.stdout, /\| Before \| 2\.1 \| 2025-10-14 \|\n\| Now \| 2\.2 \| 2025-11-01 \|/);
    assert.ok(
      md.stdout.includes(`### Form 2.10 ${getFormItem('form/2.10')?.label}`),
      'the item is headed with its label',
    );
    assert.doesNotMatch(md.stdout, /Form 2\.9 |Copyright Measure/);
    const html = diff('--since', 'v2', FILE, '--format', 'html');
    assert.equal(html.code, 0, html.stderr);
    assert.match(html.stdout, /<h1>Changes to the documentation of Kestrel-13B<\/h1>/);
    assert.match(html.stdout, /<del class="value">in_progress|<ins class="value">in_progress/);
    assert.doesNotMatch(html.stdout, /<script/);
  });

  it('refuses bad input with one line naming what is wrong, exit 2 and nothing on stdout', () => {
    const cases: [string[], RegExp, string?][] = [
      [['--since', 'v9', FILE], /no revision "v9"/],
      [[`v1:docs/other.gpai.yaml`, FILE], /docs\/other\.gpai\.yaml is not in revision v1/],
      [[`v1:docs`, FILE], /docs is a folder in revision v1/],
      [['--since', 'v1', 'docs/missing.gpai.yaml'], /docs\/missing\.gpai\.yaml: cannot read the file \(no such file\)/],
      [['--since=--upload-pack=x', FILE], /is not a git revision/],
      [['--since', 'v1', FILE, '--format', 'rtf'], /--format must be text, md, html, json, pdf, docx, not "rtf"/],
      [['--since', 'v1', FILE, '--audience', 'public'], /--audience must be/],
    ];
    for (const [args, message] of cases) {
      const r = diff(...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.equal(r.stdout, '', args.join(' '));
      assert.equal(stderrLines(r).length, 1, r.stderr);
      assert.match(r.stderr, message);
    }
  });

  it('writes the change notice as PDF and DOCX into --out, the format taken from its name', () => {
    const out = tempDir('diff-out');
    try {
      const pdf = join(out, 'notice-downstream.pdf');
      const r = diff('--since', 'v1', FILE, '--audience', 'downstream', '--out', pdf);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(readFileSync(pdf).subarray(0, 4).toString('latin1'), '%PDF');
      assert.match(
        r.stdout,
        /notice-downstream\.pdf: the change notice for downstream providers, from v1:docs\/kestrel-13b\.gpai\.yaml to docs\/kestrel-13b\.gpai\.yaml; 4 items changed, 1 added/,
      );
      const docx = join(out, 'notice.docx');
      assert.equal(diff('--since', 'v1', FILE, '--audience', 'downstream', '--format', 'docx', '--out', docx).code, 0);
      const xml = spawnSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' }).stdout;
      const text = xml.replace(/<[^>]+>/g, '');
      assert.match(text, /Changes to the documentation of Kestrel-13B/);
      assert.match(text, new RegExp(`Form 3\\.4.*${getFormItem('form/3.4')!.label}`));
      assert.match(text, /Before: Proprietary commercial licenceNow: Kestrel commercial licence 2\.0/);
      assert.doesNotMatch(text, /Copyright Measure|Form 2\.9 /, 'only what downstream providers receive');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('--out never writes over a file compared, nor over an existing file without --force', () => {
    const out = tempDir('diff-out');
    try {
      const existing = join(out, 'notice.md');
      put(out, 'notice.md', 'kept');
      const refused = diff('--since', 'v1', FILE, '--out', existing);
      assert.equal(refused.code, 2);
      assert.equal(refused.stdout, '');
      assert.match(refused.stderr, /^gpai-docs: --out .*notice\.md already exists; add --force to write over it\n$/);
      assert.equal(readFileSync(existing, 'utf8'), 'kept');
      assert.equal(diff('--since', 'v1', FILE, '--out', existing, '--force').code, 0);
      assert.match(readFileSync(existing, 'utf8'), /^# Changes to the documentation of Kestrel-13B/);
      const before = readFileSync(join(repo, FILE), 'utf8');
      const over = diff(`v1:${FILE}`, FILE, '--format', 'md', '--out', FILE, '--force');
      assert.equal(over.code, 2);
      assert.match(over.stderr, /is the file being compared; choose another file/);
      assert.equal(readFileSync(join(repo, FILE), 'utf8'), before);
      run('git', ['diff', '--exit-code', '--quiet'], { cwd: repo });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('refuses a side that does not parse, naming it', () => {
    put(repo, 'broken.gpai.yaml', 'document:\n  version: [1.0\n');
    const r = diff('broken.gpai.yaml', FILE);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^gpai-docs: broken\.gpai\.yaml: does not parse \(line \d+: /);
  });

  it('refuses a folder outside any git repository', () => {
    const outside = tempDir('diff-outside');
    try {
      put(outside, 'a.gpai.yaml', example('kestrel-13b.gpai.yaml'));
      const r = runCli(['diff', '--since', 'HEAD', 'a.gpai.yaml'], outside);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /not a git repository/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('warns when the two versions document different models', () => {
    put(repo, 'meadow.gpai.yaml', example('meadow-7b.gpai.yaml'));
    const r = diff(FILE, 'meadow.gpai.yaml', '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^gpai-docs: the two versions document different models: "Kestrel-13B" .* and "Meadow-7B"/);
    assert.ok(JSON.parse(r.stdout));
  });

  it('check --since reports content changed under the same version, and a history entry removed', () => {
    const committed = versions()[2];
    let changed = edit(committed, 'total_model_size: 1.6e10', 'total_model_size: 1.7e10');
    changed = edit(changed, / {4}- version: "1\.0"\n(?: {6}.*\n)+/, '');
    put(repo, FILE, changed);
    try {
      const r = runCli(['check', FILE, '--since', 'HEAD', '--today', '2025-11-01'], repo);
      assert.match(
        r.stdout,
        /version\.unchanged Form 2\.9 changed since HEAD, but the document is still version 2\.2 of 2025-11-01/,
      );
      assert.match(r.stdout, /history\.removed The history entry of version 1\.0 \(2025-07-28\) in HEAD is gone/);
      const without = runCli(['check', FILE, '--today', '2025-11-01'], repo);
      assert.doesNotMatch(without.stdout, /version\.unchanged|history\.removed/);
      const bad = runCli(['check', FILE, '--since', 'v9'], repo);
      assert.equal(bad.code, 2);
      assert.equal(bad.stdout, '');
      assert.match(bad.stderr, /no revision "v9"/);
    } finally {
      put(repo, FILE, committed);
    }
  });
});
