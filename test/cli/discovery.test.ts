import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { example, ROOT } from '../helpers/text';
import { put, runCli, stderrLines, tempDir } from './runCli';

/** The files a check names in its JSON output, relative to the folder it ran in. */
function checked(args: string[], cwd: string): string[] {
  const r = runCli(['check', ...args, '--format', 'json'], cwd);
  assert.ok(r.code === 0 || r.code === 1, `${args.join(' ')}: exit ${r.code}: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file);
}

describe('gpai-docs check: which files it finds', () => {
  let repo: string;
  before(() => {
    repo = tempDir('discovery');
    const good = example('kestrel-13b.gpai.yaml');
    mkdirSync(join(repo, '.git'));
    put(repo, '.gitignore', 'build/\n*.draft.gpai.yaml\n!keep.draft.gpai.yaml\n');
    put(repo, '.gpai-docsignore', '# fixtures are broken on purpose\nfixtures/\n');
    put(repo, 'docs/model.gpai.yaml', good);
    put(repo, 'docs/notes.draft.gpai.yaml', good);
    put(repo, 'docs/keep.draft.gpai.yaml', good);
    put(repo, 'docs/readme.md', '# not documentation of a model');
    put(repo, 'docs/.hidden/secret.gpai.yaml', good);
    put(repo, 'docs/nested/.gitignore', 'local.gpai.yaml\n');
    put(repo, 'docs/nested/local.gpai.yaml', good);
    put(repo, 'docs/nested/shared.gpai.yaml', good);
    put(repo, 'build/generated.gpai.yaml', good);
    put(repo, 'fixtures/broken.gpai.yaml', 'gpai: [');
    put(repo, 'node_modules/pkg/dep.gpai.yaml', good);
    put(repo, '.git/x.gpai.yaml', good);
    put(repo, 'outside/linked.gpai.yaml', good);
    symlinkSync(join(repo, 'outside'), join(repo, 'docs', 'link-to-folder'));
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  const expected = [
    'docs/.hidden/secret.gpai.yaml',
    'docs/keep.draft.gpai.yaml',
    'docs/model.gpai.yaml',
    'docs/nested/shared.gpai.yaml',
    'outside/linked.gpai.yaml',
  ];

  it('searches the current folder by default: hidden folders in, ignored paths, node_modules and .git out', () => {
    assert.deepEqual(checked([], repo), expected);
    assert.deepEqual(checked(['.'], repo), expected);
  });

  it('honours the .gitignore and .gpai-docsignore files above the folder searched, up to the repository root', () => {
    assert.deepEqual(
      checked(['docs'], repo),
      expected.filter((f) => f.startsWith('docs/')),
    );
    assert.deepEqual(checked(['nested'], join(repo, 'docs')), ['nested/shared.gpai.yaml']);
  });

  it('expands quoted globs itself, with the same ignore rules', () => {
    assert.deepEqual(checked(['docs/*.gpai.yaml'], repo), ['docs/keep.draft.gpai.yaml', 'docs/model.gpai.yaml']);
    assert.deepEqual(checked(['**/*.gpai.yaml'], repo), expected, 'the link to a folder is not followed');
    const none = runCli(['check', 'docs/notes*.gpai.yaml'], repo);
    assert.equal(none.code, 2);
    assert.deepEqual(stderrLines(none), [
      'gpai-docs: docs/notes*.gpai.yaml: no .gpai.yaml file matches this pattern (1 ignored; --verbose names them, --no-ignore checks them)',
    ]);
    assert.deepEqual(checked(['fixtures/*.gpai.yaml'], repo), ['fixtures/broken.gpai.yaml'], 'its folder is named');
    assert.deepEqual(
      checked([`${repo}/docs/*.gpai.yaml`], ROOT),
      [join(repo, 'docs/keep.draft.gpai.yaml'), join(repo, 'docs/model.gpai.yaml')],
      'an absolute pattern outside the current folder gives absolute paths',
    );
  });

  it('searches a folder named on the command line even inside an ignored one, with the ignore files below it', () => {
    put(repo, 'build/out/x.gpai.yaml', example('kestrel-13b.gpai.yaml'));
    put(repo, 'build/out/.gpai-docsignore', 'skip.gpai.yaml\n');
    put(repo, 'build/out/skip.gpai.yaml', 'gpai: [');
    assert.deepEqual(checked(['build'], repo), ['build/generated.gpai.yaml', 'build/out/x.gpai.yaml']);
    assert.deepEqual(checked(['build/out'], repo), ['build/out/x.gpai.yaml']);
    assert.deepEqual(checked(['build/out/*.gpai.yaml'], repo), ['build/out/x.gpai.yaml']);
    rmSync(join(repo, 'build', 'out'), { recursive: true });
  });

  it('checks a file named on the command line even if an ignore file lists it', () => {
    assert.deepEqual(checked(['docs/notes.draft.gpai.yaml', 'fixtures/broken.gpai.yaml'], repo), [
      'docs/notes.draft.gpai.yaml',
      'fixtures/broken.gpai.yaml',
    ]);
  });

  it('checks everything but node_modules and .git with --no-ignore', () => {
    assert.deepEqual(checked(['--no-ignore'], repo), [
      'build/generated.gpai.yaml',
      ...expected.slice(0, 2),
      'docs/model.gpai.yaml',
      'docs/nested/local.gpai.yaml',
      'docs/nested/shared.gpai.yaml',
      'docs/notes.draft.gpai.yaml',
      'fixtures/broken.gpai.yaml',
      'outside/linked.gpai.yaml',
    ]);
  });

  it('names every path it skips, and why, with --verbose', () => {
    const r = runCli(['check', '--verbose'], repo);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(stderrLines(r).sort(), [
      'gpai-docs: .git: always skipped',
      'gpai-docs: build: ignored by .gitignore:1 (build/)',
      'gpai-docs: docs/link-to-folder: a symbolic link to a folder, not followed',
      'gpai-docs: docs/nested/local.gpai.yaml: ignored by docs/nested/.gitignore:1 (local.gpai.yaml)',
      'gpai-docs: docs/notes.draft.gpai.yaml: ignored by .gitignore:2 (*.draft.gpai.yaml)',
      'gpai-docs: fixtures: ignored by .gpai-docsignore:2 (fixtures/)',
      'gpai-docs: node_modules: always skipped',
    ]);
  });

  it('reports a missing path and a folder with no documentation, checks the rest, and exits 2', () => {
    put(repo, 'empty/readme.md', '');
    const r = runCli(['check', 'absent.gpai.yaml', 'empty', 'docs/model.gpai.yaml'], repo);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '1 file checked: no problems; complete\n');
    assert.deepEqual(stderrLines(r), [
      'gpai-docs: absent.gpai.yaml: no such file or folder',
      'gpai-docs: empty: no .gpai.yaml files in this folder',
    ]);
  });
});
