import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { escapeControls, jsonSafe } from '../../bin/safeText';
import { example, ROOT } from '../helpers/text';
import { CLI, put, runCli, stderrLines, tempDir } from './runCli';

/** Raw characters that must never reach a terminal from a document: ESC, BEL, CSI (C1), RLO, LRI. */
// eslint-disable-next-line no-control-regex
const RAW = /[\u001b\u0007\u009b\u202e\u2066]/;

/** An unknown key written with YAML escapes: erase the line, set the title, open an OSC 8 link, C1 CSI, RLO. */
const HOSTILE_KEY = '"\\e[2K\\e]0;pwned\\a\\e]8;;https://evil.example\\e\\\\click\\x9b31m\\u202e\\u2066"';

describe('gpai-docs output is safe for terminals and CI logs', () => {
  let dir: string;
  before(() => {
    dir = tempDir('terminal');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('escapes every control and bidi character one at a time', () => {
    assert.equal(
      escapeControls('a\u001b[2K\u0007\t\n\r\u007f\u0085\u009b\u202a\u202e\u2066\u2069\u2028\ud800z'),
      'a\\x1b[2K\\x07\\x09\\x0a\\x0d\\x7f\\x85\\x9b\\u202a\\u202e\\u2066\\u2069\\u2028\\ud800z',
    );
    assert.equal(
      escapeControls('Kestrel-13B “quoted” – 😀 \\x1b'),
      'Kestrel-13B “quoted” – 😀 \\x1b',
      'the rest is kept',
    );
    const json = JSON.stringify({ m: 'a\u009b\u202eb\u001b' });
    assert.equal(jsonSafe(json), '{"m":"a\\u009b\\u202eb\\u001b"}');
    assert.deepEqual(JSON.parse(jsonSafe(json)), { m: 'a\u009b\u202eb\u001b' });
  });

  it("prints a document's escape sequences as \\x1b text in every text format, never as raw bytes", () => {
    const path = put(dir, 'hostile.gpai.yaml', `${example('kestrel-13b.gpai.yaml')}${HOSTILE_KEY}: 1\n`);
    const text = runCli(['check', path]);
    assert.match(
      text.stdout,
      /key\.unknown Unknown key "\\x1b\[2K\\x1b\]0;pwned\\x07\\x1b\]8;;https:\/\/evil\.example/,
    );
    assert.match(text.stdout, /\\x9b31m\\u202e\\u2066/);
    for (const format of ['text', 'github', 'junit', 'json', 'sarif', 'gitlab']) {
      const r = runCli(['check', path, '--format', format]);
      assert.equal(r.code, 0, `${format}: ${r.stderr}`);
      assert.doesNotMatch(r.stdout, RAW, `no raw control character in --format ${format}`);
    }
    const json = JSON.parse(runCli(['check', path, '--format', 'json']).stdout);
    assert.ok(
      json[0].diagnostics.some((d: { message: string }) => d.message.includes('\u001b[2K')),
      'JSON keeps the value',
    );
  });

  it('escapes a file name holding an escape sequence, on stdout and on stderr', () => {
    const name = 'evil\u001b]0;title\u0007.gpai.yaml';
    put(dir, name, example('kestrel-13b.gpai.yaml').replace('training_compute: 3.1e23', 'training_compute: 3.8e25'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling\u001b[2K.gpai.yaml'));
    const r = runCli(['check', dir]);
    assert.match(r.stdout, /evil\\x1b\]0;title\\x07\.gpai\.yaml:\d+:\d+ error systemic-risk\.presumed/);
    assert.match(
      r.stderr,
      /dangling\\x1b\[2K\.gpai\.yaml: a symbolic link to .*nowhere, which does not exist; skipped/,
    );
    assert.doesNotMatch(r.stdout + r.stderr, RAW);
    const github = runCli(['check', dir, '--format', 'github']).stdout;
    assert.match(github, /^::error file=.*evil\\x1b\]0;title\\x07\.gpai\.yaml,line=\d+/m);
    assert.doesNotMatch(github, RAW);
  });

  it('escapes a settings key holding an escape sequence when it warns about it', () => {
    const project = join(dir, 'settings');
    put(project, 'a.gpai.yaml', example('kestrel-13b.gpai.yaml'));
    put(project, '.gpai-docs.json', JSON.stringify({ severity: { '\u001b]0;pwned\u0007': 'error' } }));
    const r = runCli(['check'], project);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /\.gpai-docs\.json: "severity" names "\\x1b\]0;pwned\\x07", which is not a diagnostic code/);
    assert.doesNotMatch(r.stderr, RAW);
  });

  it('refuses --today that is no day of the calendar with one line and exit 2', () => {
    for (const bad of ['2025-02-30', '2025-13-01', '2025-2-3', 'tomorrow']) {
      const r = runCli(['check', 'examples', '--today', bad]);
      assert.equal(r.code, 2, bad);
      assert.deepEqual(stderrLines(r), [`gpai-docs: --today ${bad} is not a date (YYYY-MM-DD)`]);
      assert.equal(r.stdout, '');
    }
    assert.equal(runCli(['check', 'examples', '--today', '2028-02-29']).code, 0, 'a leap day is a date');
    assert.equal(runCli(['render', 'examples/meadow-7b.gpai.yaml', '--today', '2025-02-30']).code, 2);
  });

  it('ends quietly when the reader closes the pipe early (| head -1), with no stack trace', () => {
    const commands = [
      `coverage examples/kestrel-13b.gpai.yaml --format json | head -1`,
      `catalogue --format json | head -c 100`,
      `catalogue | true`,
      `check examples --format sarif | head -1`,
    ];
    for (const command of commands) {
      const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" ${command}`], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 20_000,
      });
      assert.equal(r.stderr, '', command);
      assert.equal(r.status, 0, command);
    }
  });
});
