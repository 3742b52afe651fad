// `npm run test:pack` (a step of `npm test`): the package a user installs works on a machine with only Node.
// Packs this repository, which runs `prepare` (the build); `npm pack` must print the tarball's name alone, as
// pre-commit's install of a node hook reads it (.npmrc keeps the build's output off stdout). Installs the
// tarball into an empty prefix with an empty npm cache and --offline, so it needs no registry: the bins are
// self-contained bundles. Then runs from that prefix: the CLI on the examples, every `gpai-docs check` command
// line docs/ci.md shows (in a copy of the examples, as a user's repository would hold them), the pre-commit
// hook's entry from .pre-commit-hooks.yaml, and the language server's --version, --help and an LSP initialize
// over stdio. Prints the tarball's size and each step's time; runs every step, and exits 1 if any failed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'gpai-pack-'));
const prefix = join(temp, 'prefix');
const bin = join(prefix, 'bin');
let failed = false;

function step(name, fn) {
  const started = Date.now();
  try {
    const detail = fn();
    console.log(`  ✔ ${name}${detail ? `: ${detail}` : ''} (${Date.now() - started} ms)`);
  } catch (e) {
    console.log(`  ✖ ${name}: ${e instanceof Error ? e.message : e}`);
    failed = true;
  }
}

/** Runs a command; throws with its output unless it exits with `expect`. */
function run(command, args, options = {}) {
  const { expect = 0, ...rest } = options;
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 300_000, ...rest });
  if (r.status !== expect)
    throw new Error(
      `${command} ${args.join(' ')} exited ${r.status ?? r.signal}, not ${expect}\n${r.stdout}${r.stderr}`,
    );
  return r;
}

/** The `gpai-docs check …` command lines of docs/ci.md's code blocks, as a user would type them. */
function docCommands() {
  const text = readFileSync(join(ROOT, 'docs', 'ci.md'), 'utf8');
  const blocks = [...text.matchAll(/^```[a-z]*\n([\s\S]*?)^```/gm)].map((m) => m[1]);
  const commands = blocks
    .flatMap((b) => b.split('\n'))
    .flatMap((line) => {
      const m = /(?:^|run: |- |\s)(gpai-docs check\b.*)$/.exec(line.trim());
      return m ? [m[1].replace(/\s+#.*$/, '')] : [];
    });
  if (commands.length < 4)
    throw new Error(`docs/ci.md shows ${commands.length} gpai-docs check commands, expected 4 or more`);
  return [...new Set(commands)];
}

/** Output a command wrote, by its redirect (`> file`), else its stdout. */
function outputOf(command, cwd, stdout) {
  const m = /\s>\s*(\S+)/.exec(command);
  return m ? readFileSync(join(cwd, m[1]), 'utf8') : stdout;
}

/**
 * The summary of a check of the examples: no error or warning (kestrel-13b-helpdesk has one information: its
 * modification makes it no GPAI provider), every file complete.
 */
const CLEAN = /\d+ files? checked: (?:no problems|\d+ infos?); every file complete\n$/;
const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.gpai.yaml')).length;

function checkOutput(command, text) {
  const format = /--format[ =](\w+)/.exec(command)?.[1] ?? 'text';
  if (format === 'gitlab' || format === 'sarif' || format === 'json') JSON.parse(text);
  else if (format === 'junit') {
    if (!/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites [^>]*>[\s\S]*<\/testsuites>\n$/.test(text))
      throw new Error(`${command}: not a JUnit report`);
  } else if (!CLEAN.test(text)) throw new Error(`${command}: ${text}`);
}

/** Starts the language server on stdio, sends initialize, and waits (at most 10 s) for its capabilities. */
function lspInitialize(server) {
  const body = JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { processId: null, rootUri: null, capabilities: {} },
  });
  const script = `
    const child = require('node:child_process').spawn(process.argv[1], ['--stdio']);
    let out = '';
    const timer = setTimeout(() => { console.log('TIMEOUT'); child.kill(); }, 10000);
    child.stdout.on('data', (d) => {
      out += d;
      if (/"capabilities"/.test(out)) { clearTimeout(timer); console.log(out.slice(out.indexOf('{'))); child.kill(); }
    });
    child.stdin.write('Content-Length: ' + Buffer.byteLength(process.argv[2]) + '\\r\\n\\r\\n' + process.argv[2]);`;
  const r = run(process.execPath, ['-e', script, server, body]);
  const reply = JSON.parse(
    r.stdout
      .trim()
      .split('\n')[0]
      .replace(/Content-Length[\s\S]*$/, ''),
  );
  if (!reply.result?.capabilities?.hoverProvider) throw new Error(`no hover capability in ${r.stdout.slice(0, 200)}`);
  return `${Object.keys(reply.result.capabilities).length} capabilities`;
}

console.log(`npm pack and install (in ${temp})`);
let tarball;
step('npm pack (runs prepare: the build) prints the tarball name alone, as pre-commit reads it', () => {
  const r = run('npm', ['pack', '--pack-destination', temp], { cwd: ROOT });
  tarball = join(
    temp,
    readdirSync(temp).find((f) => f.endsWith('.tgz')),
  );
  if (r.stdout.trim() !== basename(tarball)) throw new Error(`npm pack printed ${JSON.stringify(r.stdout)}`);
  return `${basename(tarball)}, ${(statSync(tarball).size / 1024).toFixed(0)} KB`;
});
step('npm install -g the tarball into an empty prefix, offline, with an empty cache', () => {
  mkdirSync(prefix);
  const cache = join(temp, 'empty-cache');
  run(
    'npm',
    ['install', '--global', tarball, '--prefix', prefix, '--offline', '--cache', cache, '--no-audit', '--no-fund'],
    { cwd: temp },
  );
  const shipped = readdirSync(join(prefix, 'lib', 'node_modules', 'gpai-docs'), { recursive: true }).filter(
    (f) => !f.endsWith('dist') && !f.endsWith('client') && !f.endsWith('media'),
  );
  return shipped.sort().join(', ');
});
step('gpai-docs --version', () => run(join(bin, 'gpai-docs'), ['--version']).stdout.trim());
step('gpai-docs check <repo>/examples --format github', () => {
  const r = run(join(bin, 'gpai-docs'), ['check', join(ROOT, 'examples'), '--format', 'github'], { cwd: temp });
  const last = r.stdout.trim().split('\n').pop();
  if (!CLEAN.test(`${last}\n`) || !last.startsWith(`${EXAMPLES} files checked`)) throw new Error(r.stdout);
  return last;
});
step('gpai-docs render from the installed package (its stylesheet shipped)', () => {
  const r = run(join(bin, 'gpai-docs'), ['render', join(ROOT, 'examples', 'meadow-7b.gpai.yaml')], { cwd: temp });
  if (!/<style>[\s\S]*@media print/.test(r.stdout)) throw new Error('no stylesheet in the page');
});
step('gpai-docs render --format pdf from the installed package (its export bundle and fonts shipped)', () => {
  const pdf = join(temp, 'meadow-7b.pdf');
  run(
    join(bin, 'gpai-docs'),
    ['render', join(ROOT, 'examples', 'meadow-7b.gpai.yaml'), '--format', 'pdf', '--out', pdf],
    {
      cwd: temp,
    },
  );
  if (!readFileSync(pdf).subarray(0, 5).equals(Buffer.from('%PDF-'))) throw new Error('not a PDF');
  return `${Math.round(statSync(pdf).size / 1024)} KB`;
});
const project = join(temp, 'project');
cpSync(join(ROOT, 'examples'), join(project, 'examples'), { recursive: true });
const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
for (const command of docCommands()) {
  step(`docs/ci.md: ${command}`, () => {
    const r = run('bash', ['-c', `set -o pipefail; ${command}`], { cwd: project, env });
    checkOutput(command, outputOf(command, project, r.stdout));
  });
}
step('docs/ci.md: every YAML block parses', () => {
  const blocks = [...readFileSync(join(ROOT, 'docs', 'ci.md'), 'utf8').matchAll(/^```yaml\n([\s\S]*?)^```/gm)];
  for (const [, block] of blocks) YAML.parse(block.replace(/<commit or tag>/g, 'v0'));
  return `${blocks.length} blocks`;
});
step('.pre-commit-hooks.yaml: the entry on the files its pattern matches', () => {
  const [hook] = YAML.parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'));
  if (hook.id !== 'gpai-docs' || hook.language !== 'node') throw new Error(JSON.stringify(hook));
  const files = new RegExp(hook.files);
  const staged = readdirSync(join(project, 'examples'))
    .map((f) => `examples/${f}`)
    .filter((f) => files.test(f));
  if (staged.length !== EXAMPLES) throw new Error(`the pattern ${files} matches ${staged.length} of the examples`);
  const r = run('bash', ['-c', `${hook.entry} ${staged.join(' ')}`], { cwd: project, env });
  return r.stdout.trim();
});
step('gpai-docs-language-server --version and --help', () => {
  const server = join(bin, 'gpai-docs-language-server');
  const version = run(server, ['--version']).stdout.trim();
  if (!/Usage: gpai-docs-language-server --stdio/.test(run(server, ['--help']).stdout)) throw new Error('no usage');
  run(server, [], { expect: 2 });
  return version;
});
step('gpai-docs-language-server --stdio answers initialize', () =>
  lspInitialize(join(bin, 'gpai-docs-language-server')),
);

rmSync(temp, { recursive: true, force: true });
if (failed) process.exit(1);
console.log('The packed CLI and language server work from a fresh install.');
