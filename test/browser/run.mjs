// Browser tests (`node test/browser/run.mjs`, a step of `npm test`): the exported HTML of every example and
// of a hostile document, opened in headless Chromium (Debian's, driven by playwright-core), and the
// preview's webview page with its script. Screenshots and PDFs go to test-artifacts/browser/ (git-ignored).
// Prints one line per check and a summary; exits 1 if any check failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './browser.mjs';
import { checkExport, examples } from './exports.mjs';
import { webviewSuite } from './webview.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts', 'browser');
const TODAY = '2025-11-01';
const require = createRequire(import.meta.url);

/** The CLI (dist/) and the compiled renderer, engine and test models (out/): built here if absent. */
function ensureBuilt() {
  if (!existsSync(join(ROOT, 'out', 'test', 'unit', 'preview', 'models.js'))) run('npx', ['tsc', '-p', '.']);
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) run('node', ['esbuild.mjs']);
}

function run(command, args) {
  const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed (${r.status}): ${(r.stderr || r.stdout).trim().split('\n')[0]}`,
    );
  return r.stdout;
}

const results = [];
async function test(name, fn) {
  const started = Date.now();
  try {
    const note = await fn();
    results.push({ name, ok: true });
    console.log(`  ✔ ${name}${note ? ` (${note})` : ''} ${Date.now() - started} ms`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(
      `  ✖ ${name}\n      ${String(e?.message ?? e)
        .split('\n')
        .slice(0, 6)
        .join('\n      ')}`,
    );
  }
}

/** The headings an export of `model` for everyone must show, from the catalogue's section titles. */
function expectedHeadings(model, catalogue) {
  return [
    ...catalogue.formSections.map((s) => `Section ${s.number} ${s.title}`),
    model.copyright.title,
    ...(model.safetyAndSecurity ? [model.safetyAndSecurity.title] : []),
    model.trainingContentSummary.title,
  ];
}

/** Exports `file` with the CLI, as `gpai-docs render` does for a user, and checks the page. */
async function exportTest(browser, engine, file, name, literal) {
  const out = join(ARTIFACTS, `${name}.html`);
  run('node', [
    join(ROOT, 'dist', 'cli.js'),
    'render',
    file,
    '--audience',
    'all',
    '--format',
    'html',
    '--out',
    out,
    '--today',
    TODAY,
  ]);
  const model = engine.getPreviewModel(engine.parseGpai(readFileSync(file, 'utf8'), file));
  return checkExport(
    browser,
    out,
    { name, headings: expectedHeadings(model, engine.catalogue), rows: engine.catalogue.formItems.length, literal },
    ARTIFACTS,
  );
}

async function main() {
  ensureBuilt();
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const engine = require(join(ROOT, 'out', 'server', 'src', 'engine', 'index.js'));
  const render = require(join(ROOT, 'out', 'client', 'src', 'preview', 'render.js'));
  const models = require(join(ROOT, 'out', 'test', 'unit', 'preview', 'models.js'));
  const css = readFileSync(join(ROOT, 'client', 'media', 'preview.css'), 'utf8');
  const browser = await launch();
  try {
    console.log('exported HTML');
    for (const file of examples(ROOT)) {
      const name = basename(file, '.gpai.yaml');
      await test(`${name}: headings, no script, no request, no console error (screenshot ${name}.png)`, () =>
        exportTest(browser, engine, file, name));
    }
    await test('a hostile document: every attack shown as text (screenshot hostile.png)', () =>
      exportTest(browser, engine, join(ROOT, 'test', 'browser', 'fixtures', 'hostile.gpai.yaml'), 'hostile', [
        "Kestrel <script>window.__pwned = 'provider'</script> SAS",
        "javascript:window.__pwned = 'licence'",
        '</style><style>body { display: none }</style>',
      ]));
    await test('a hostile model: every value, label and link an attack (screenshot hostile-model.png)', async () => {
      const { writeFileSync } = await import('node:fs');
      const file = join(ARTIFACTS, 'hostile-model.html');
      const model = models.hostileModel();
      writeFileSync(file, render.renderPreviewHtml(model, { css, generatedOn: TODAY }));
      const headings = [
        ...model.sections.filter((s) => s.number > 0).map((s) => `Section ${s.number} ${s.title}`),
        'Copyright',
        'Safety and Security',
        model.trainingContentSummary.title,
      ];
      return checkExport(
        browser,
        file,
        {
          name: 'hostile-model',
          headings,
          rows: engine.catalogue.formItems.length,
          literal: [...models.ATTACKS.slice(0, 5)],
        },
        ARTIFACTS,
      );
    });
    console.log('preview webview page');
    await webviewSuite(test, browser, { root: ROOT, artifacts: ARTIFACTS, render, models });
  } finally {
    await browser.close();
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(
    `\nbrowser: ${results.length - failed} passed, ${failed} failed; screenshots in ${relative(process.cwd(), ARTIFACTS) || ARTIFACTS}/`,
  );
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.error(`browser tests: ${e?.message ?? e}`);
  process.exitCode = 1;
});
