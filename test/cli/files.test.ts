import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { example } from '../helpers/text';
import { put, runCli, stderrLines, tempDir } from './runCli';

/** Each run here must end well before the 20 s kill: a read that blocked on a FIFO or /dev/zero would not. */
const QUICK_MS = 5_000;

describe('gpai-docs reads only regular files', () => {
  let dir: string;
  let socket: Server;
  before(async () => {
    dir = tempDir('files');
    put(dir, 'good.gpai.yaml', example('kestrel-13b.gpai.yaml'));
    execFileSync('mkfifo', [join(dir, 'fifo.gpai.yaml')]);
    symlinkSync('/dev/zero', join(dir, 'zero.gpai.yaml'));
    symlinkSync(join(dir, 'gone.gpai.yaml'), join(dir, 'dangling.gpai.yaml'));
    socket = createServer();
    await new Promise<void>((resolve) => socket.listen(join(dir, 'socket.gpai.yaml'), resolve));
  });
  after(async () => {
    await new Promise((resolve) => socket.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('skips a FIFO, /dev/zero, a socket and a dangling link in a folder with one warning each, and checks the good file', () => {
    const r = runCli(['check', dir]);
    assert.ok(r.ms < QUICK_MS, `took ${r.ms} ms`);
    assert.equal(r.code, 0, 'special files met in a search do not change the exit code');
    assert.equal(r.stdout, '1 file checked: no problems; complete\n');
    assert.deepEqual(stderrLines(r).sort(), [
      `gpai-docs: ${join(dir, 'dangling.gpai.yaml')}: a symbolic link to ${join(dir, 'gone.gpai.yaml')}, which does not exist; skipped`,
      `gpai-docs: ${join(dir, 'fifo.gpai.yaml')}: not a regular file (a FIFO); skipped`,
      `gpai-docs: ${join(dir, 'socket.gpai.yaml')}: not a regular file (a socket); skipped`,
      `gpai-docs: ${join(dir, 'zero.gpai.yaml')}: not a regular file (a character device); skipped`,
    ]);
  });

  it('checks the other files, then exits 2, when a special file is named on the command line', () => {
    for (const name of ['fifo.gpai.yaml', 'zero.gpai.yaml', 'dangling.gpai.yaml', 'socket.gpai.yaml']) {
      const r = runCli(['check', join(dir, name), join(dir, 'good.gpai.yaml')]);
      assert.ok(r.ms < QUICK_MS, `${name} took ${r.ms} ms`);
      assert.equal(r.code, 2, name);
      assert.equal(r.stdout, '1 file checked: no problems; complete\n', name);
      assert.equal(stderrLines(r).length, 1, name);
      assert.match(r.stderr, new RegExp(`${name.replace('.', '\\.')}: .*; skipped`));
    }
  });

  it('follows a symbolic link to a regular file, and says so with --verbose', () => {
    const link = join(dir, 'link', 'kestrel.gpai.yaml');
    put(dir, 'link/.keep', '');
    symlinkSync(join(dir, 'good.gpai.yaml'), link);
    assert.equal(runCli(['check', link]).stdout, '1 file checked: no problems; complete\n');
    const r = runCli(['check', link, '--verbose']);
    assert.equal(r.code, 0);
    assert.deepEqual(stderrLines(r), [`gpai-docs: ${link}: a symbolic link to ${join(dir, 'good.gpai.yaml')}`]);
  });

  it('refuses a file over 20 MB without reading it, and exits 2 as a document went unchecked', () => {
    const big = join(dir, 'big', 'big.gpai.yaml');
    put(dir, 'big/big.gpai.yaml', '');
    truncateSync(big, 21 * 1024 * 1024);
    const r = runCli(['check', join(dir, 'big')]);
    assert.ok(r.ms < QUICK_MS, `took ${r.ms} ms`);
    assert.equal(r.code, 2);
    assert.deepEqual(stderrLines(r), [
      `gpai-docs: ${big}: too large (it has 21.0 MB; the limit is 20.0 MB); not read; skipped`,
    ]);
  });

  it('goes on past a folder whose path is too long to open', () => {
    const deep = join(dir, 'deep');
    put(deep, 'good.gpai.yaml', example('meadow-7b.gpai.yaml'));
    // 20 nested folders of 250 characters: past PATH_MAX (4,096), made one `cd` at a time.
    const name = 'd'.repeat(250);
    execFileSync('bash', ['-c', `cd "${deep}" && for i in $(seq 20); do mkdir ${name} && cd ${name}; done`]);
    try {
      const r = runCli(['check', deep]);
      assert.ok(r.ms < QUICK_MS, `took ${r.ms} ms`);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, '1 file checked: no problems; complete\n');
      assert.equal(stderrLines(r).length, 1);
      assert.match(r.stderr, /: cannot read this folder \(the path is too long\); skipped\n$/);
    } finally {
      execFileSync('rm', ['-rf', deep]);
    }
  });

  it('refuses binary and non-UTF-8 files found in a folder, exits 2, and still checks the rest', () => {
    const mixed = join(dir, 'mixed');
    put(mixed, 'a.gpai.yaml', example('kestrel-13b.gpai.yaml'));
    put(mixed, 'binary.gpai.yaml', Buffer.from([0x67, 0x70, 0x00, 0x01]));
    put(mixed, 'latin1.gpai.yaml', Buffer.from('gpai: 1\nx: caf\xe9\n', 'latin1'));
    const r = runCli(['check', mixed]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '1 file checked: no problems; complete\n');
    assert.match(r.stderr, /binary\.gpai\.yaml: not a text file/);
    assert.match(r.stderr, /latin1\.gpai\.yaml: not valid UTF-8/);
  });

  it('reads neither a FIFO nor a device named .gitignore or .gpai-docsignore', () => {
    const odd = join(dir, 'odd');
    put(odd, 'a.gpai.yaml', example('kestrel-13b.gpai.yaml'));
    execFileSync('mkfifo', [join(odd, '.gitignore')]);
    symlinkSync('/dev/zero', join(odd, '.gpai-docsignore'));
    const r = runCli(['check', odd]);
    assert.ok(r.ms < QUICK_MS, `took ${r.ms} ms`);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '1 file checked: no problems; complete\n');
  });

  it('says so on stderr and exits 2 when there is nothing to check', () => {
    const empty = join(dir, 'empty');
    put(empty, 'notes.txt', 'no documentation here');
    const r = runCli(['check'], empty);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.deepEqual(stderrLines(r), ['gpai-docs: .: no .gpai.yaml files in this folder']);
    writeFileSync(join(empty, '.gpai-docsignore'), '*.gpai.yaml\n');
    put(empty, 'x.gpai.yaml', 'gpai: 1\n');
    assert.match(runCli(['check'], empty).stderr, /no \.gpai\.yaml files in this folder \(1 ignored;/);
    assert.ok(existsSync(join(empty, 'x.gpai.yaml')));
  });
});
