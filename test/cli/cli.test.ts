import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { edit, example, ROOT } from '../helpers/text';

const CLI = join(ROOT, 'dist', 'cli.js');

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args, '--today', '2025-11-01'], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('gpai-docs CLI', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gpai-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('checks the examples with no problem and exits 0, telling the fine-tune below one third it has no GPAI-provider duties', () => {
    const r = run(['check', 'examples/']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const findings = r.stdout.split('\n').filter((l) => /^examples\//.test(l));
    assert.equal(findings.length, 1, r.stdout);
    assert.match(
      findings[0],
      /^examples\/kestrel-13b-helpdesk\.gpai\.yaml:\d+:\d+ info role\.not-a-provider .*no duties as its provider/,
    );
    assert.match(r.stdout, /files? checked: 1 info; every file complete\n/);
  });

  it("reports a missing training compute on the section's line, naming form item 7.4 and Transparency Measure 1.1", () => {
    const text = edit(example('kestrel-13b.gpai.yaml'), / {2}training_compute: 3\.1e23\n/, '');
    const path = write('no-compute.gpai.yaml', text);
    const line = text.split('\n').indexOf('computational_resources:') + 1;
    const r = run(['check', path]);
    assert.match(
      r.stdout,
      new RegExp(
        `no-compute\\.gpai\\.yaml:${line}:1 warning missing\\.item Form item 7\\.4 .*Transparency Measure 1\\.1`,
      ),
    );
    assert.equal(r.code, 0, 'warnings alone do not fail the run');
  });

  it('reports compute of 3.8e25 with classification none as presumed systemic risk under Art. 51(2), and exits 1', () => {
    const text = edit(example('kestrel-13b.gpai.yaml'), 'training_compute: 3.1e23', 'training_compute: 3.8e25');
    const r = run(['check', write('big.gpai.yaml', text)]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /error systemic-risk\.presumed .*Art\. 51\(2\)/);
  });

  it('exits 1 on a YAML syntax error with path:line:col', () => {
    const r = run(['check', write('broken.gpai.yaml', 'gpai: 1\ndocument:\n  version: "1.0\n')]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /broken\.gpai\.yaml:\d+:\d+ error yaml\.syntax /);
  });

  it('lists the 40 measures as JSON', () => {
    const r = run(['catalogue', '--format', 'json']);
    assert.equal(r.code, 0);
    const data = JSON.parse(r.stdout) as {
      measures: { id: string; title: string }[];
      chapters: { commitments: { measures: unknown[] }[] }[];
      formItems: { id: string; label: string; recipients: string[] }[];
    };
    assert.equal(data.measures.length, 40);
    assert.equal(data.chapters.flatMap((c) => c.commitments).flatMap((c) => c.measures).length, 40);
    assert.ok(data.formItems.every((i) => i.id && i.label && Array.isArray(i.recipients)));
  });

  it('explains a measure with its official title, and a code', () => {
    const r = run(['explain', 'safety-security/9.3']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Reporting timelines/);
    assert.match(run(['explain', 'missing.item']).stdout, /form item is missing/i);
  });

  it('answers an unknown id with suggestions and exit 2, without a stack trace', () => {
    const r = run(['explain', 'safety-security/11.1']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^gpai-docs: nothing is called "safety-security\/11\.1"/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  it('refuses bad input with one clear line naming the file', () => {
    const cases: [string[], RegExp][] = [
      [['check', join(dir, 'absent.gpai.yaml')], /absent\.gpai\.yaml: no such file or folder/],
      [
        ['check', (mkdirSync(join(dir, 'empty'), { recursive: true }), join(dir, 'empty'))],
        /empty: no \.gpai\.yaml files in this folder/,
      ],
      [
        ['check', write('binary.gpai.yaml', Buffer.from([0x67, 0x70, 0x00, 0x01, 0xff]))],
        /binary\.gpai\.yaml: not a text file/,
      ],
      [
        ['check', write('latin1.gpai.yaml', Buffer.from('gpai: 1\nx: caf\xe9\n', 'latin1'))],
        /latin1\.gpai\.yaml: not valid UTF-8/,
      ],
      [
        ['check', '--format', 'xml', 'examples'],
        /--format must be text, json, sarif, github, junit, gitlab, not "xml"/,
      ],
      [['frobnicate'], /unknown command "frobnicate"/],
    ];
    for (const [args, expected] of cases) {
      const r = run(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, expected);
      assert.equal(r.stderr.trim().split('\n').length, 1, `one line for ${args.join(' ')}`);
    }
  });

  it('writes SARIF 2.1.0 that code-scanning services read', () => {
    const path = write(
      'sarif.gpai.yaml',
      edit(example('kestrel-13b.gpai.yaml'), 'training_compute: 3.1e23', 'training_compute: 3.8e25'),
    );
    const sarif = JSON.parse(run(['check', '--format', 'sarif', path]).stdout);
    assert.equal(sarif.version, '2.1.0');
    const [runResult] = sarif.runs;
    assert.equal(runResult.tool.driver.name, 'gpai-docs');
    const result = runResult.results.find((r: { ruleId: string }) => r.ruleId === 'systemic-risk.presumed');
    assert.equal(result.level, 'error');
    assert.ok(result.locations[0].physicalLocation.region.startLine >= 1);
    assert.ok(
      runResult.tool.driver.rules.some(
        (r: { id: string; helpUri: string }) =>
          r.id === 'systemic-risk.presumed' && r.helpUri.includes('diagnostics.md'),
      ),
    );
  });

  it('reads severities from .gpai-docs.json and fails on --max-warnings', () => {
    const text = edit(example('kestrel-13b.gpai.yaml'), / {2}training_compute: 3\.1e23\n/, '');
    write('w.gpai.yaml', text);
    assert.equal(run(['check', 'w.gpai.yaml', '--max-warnings', '0'], dir).code, 1);
    writeFileSync(
      join(dir, '.gpai-docs.json'),
      JSON.stringify({ severity: { 'missing.item': 'off', 'no.such.code': 'error' } }),
    );
    const r = run(['check', 'w.gpai.yaml', '--max-warnings', '0'], dir);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stderr, /\.gpai-docs\.json: "severity" names "no\.such\.code", which is not a diagnostic code/);
    rmSync(join(dir, '.gpai-docs.json'));
  });

  it('prints the coverage table per chapter and commitment', () => {
    const r = run(['coverage', 'examples/kestrel-13b.gpai.yaml']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /100 % complete \((\d+) of \1 answers covered, 0 partial, 0 missing; \d+ not applicable\)/);
    assert.match(r.stdout, /Commitment 1 Copyright policy\s+covered/);
    assert.match(r.stdout, /Safety and Security\s+n\/a/);
  });
});
