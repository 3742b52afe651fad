// Browser tests (`node test/browser/run.mjs`, a step of `npm test`): the exported HTML of every example and
// of a hostile document, opened in headless Chromium (Debian's, driven by playwright-core), and the
// preview's webview page with its script. Screenshots and PDFs go to test-artifacts/browser/ (git-ignored).
// Prints one line per check and a summary; exits 1 if any check failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check, launch } from './browser.mjs';
import { checkPdf, ensurePoppler } from './documents.mjs';
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

/** The headings an export of `model` for everyone must show: the form's sections, the chapters, the open items of a draft. */
/** The preview model of a file, from the engine service with today fixed. */
function preview(engine, text, file) {
  const service = engine.createEngine({ now: () => new Date(`${TODAY}T12:00:00Z`), timeZone: 'UTC' });
  return service.preview(service.parse(text, file));
}

function expectedHeadings(model, catalogue, draft) {
  return [
    ...catalogue.formSections.map((s) => `Section ${s.number} ${s.title}`),
    model.copyright.title,
    ...(model.safetyAndSecurity ? [model.safetyAndSecurity.title] : []),
    model.trainingContentSummary.title,
    ...(draft ? ['Open items'] : []),
    'About this document',
  ];
}

/** `gpai-docs render`, writing over the artifacts of an earlier run (--force). */
function cli(...args) {
  return run('node', [join(ROOT, 'dist', 'cli.js'), 'render', ...args, '--force', '--today', TODAY]);
}

/** Exports `file` with the CLI, as `gpai-docs render` does for a user, checks the page and its print. */
async function exportTest(browser, engine, facts, file, name, literal) {
  const out = join(ARTIFACTS, `${name}.html`);
  cli(file, '--audience', 'all', '--format', 'html', '--out', out);
  const model = preview(engine, readFileSync(file, 'utf8'), file);
  const draft = facts.draftStatus(model, { document: 'form', audience: 'all' }).draft;
  const note = await checkExport(
    browser,
    out,
    {
      name,
      headings: expectedHeadings(model, engine.catalogue, draft),
      rows: engine.catalogue.formItems.length,
      literal,
      draft,
    },
    ARTIFACTS,
  );
  const header = facts.runningHeader(model, { document: 'form', audience: 'all' }, TODAY).slice(0, 30);
  return `${note}; print: ${checkPdf(join(ARTIFACTS, `${name}.pdf`), ARTIFACTS, `${name}.print`, { header, draft })}`;
}

/** The PDF the CLI writes without a browser, for one audience: every page numbered, DRAFT where due. */
function pdfTest(engine, facts, file, name, audience, contains = []) {
  const out = join(ARTIFACTS, `${name}.pdf`);
  cli(file, '--audience', audience, '--format', 'pdf', '--out', out);
  const model = preview(engine, readFileSync(file, 'utf8'), file);
  const target = { document: 'form', audience };
  const items = model.sections
    .flatMap((s) => s.items)
    .filter((i) => audience === 'all' || i.recipients.includes(audience));
  return checkPdf(out, ARTIFACTS, name, {
    header: facts.runningHeader(model, target, TODAY).slice(0, 30),
    draft: facts.draftStatus(model, target).draft,
    rows: items.filter((i) => !i.number.startsWith('D')).map((i) => i.number),
    contains,
  });
}

async function main() {
  ensureBuilt();
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const engine = require(join(ROOT, 'out', 'server', 'src', 'engine', 'index.js'));
  const render = require(join(ROOT, 'out', 'shared', 'render', 'render.js'));
  const models = require(join(ROOT, 'out', 'test', 'unit', 'preview', 'models.js'));
  const facts = require(join(ROOT, 'out', 'shared', 'render', 'exportFacts.js'));
  const tree = require(join(ROOT, 'out', 'shared', 'render', 'exportDocument.js'));
  const css = readFileSync(join(ROOT, 'client', 'media', 'preview.css'), 'utf8');
  console.log(`pdftoppm: ${ensurePoppler()}`);
  const invalid = models.INVALID_FIXTURE;
  const browser = await launch();
  try {
    console.log('exported HTML, and its print from Chromium');
    for (const file of examples(ROOT)) {
      const name = basename(file, '.gpai.yaml');
      await test(`${name}: headings, no script, no request, no console error; print numbered, with the running header (${name}.png, ${name}.print-1.png…)`, () =>
        exportTest(browser, engine, facts, file, name));
    }
    await test('invalid values: both marked, DRAFT on every printed page (invalid-values.print-1.png…)', () =>
      exportTest(browser, engine, facts, invalid, 'invalid-values', [
        'NOT VALID',
        'As written:',
        '13 billion',
        '2025-13-45 is not a real date',
        '"billion" is not that unit',
        'Open items',
      ]));
    await test('a hostile document: every attack shown as text (screenshot hostile.png)', () =>
      exportTest(browser, engine, facts, join(ROOT, 'test', 'browser', 'fixtures', 'hostile.gpai.yaml'), 'hostile', [
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
        'Open items',
        'About this document',
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
    console.log('PDF written by the CLI without a browser (pdfmake), rasterised with pdftoppm');
    for (const file of examples(ROOT)) {
      const name = basename(file, '.gpai.yaml');
      for (const audience of ['ai-office', 'downstream'])
        await test(`${name} for ${audience}: every item's label, every page numbered (${name}.${audience}-1.png…)`, () =>
          pdfTest(engine, facts, file, `${name}.${audience}`, audience));
    }
    await test('halcyon-xl for the AI Office stays compact (at most 14 pages)', () => {
      const pages = pdfTest(
        engine,
        facts,
        join(ROOT, 'examples', 'halcyon-xl.gpai.yaml'),
        'halcyon-xl.ai-office',
        'ai-office',
      );
      check(Number(pages.split(' ')[0]) <= 14, 'too many pages', pages);
      return pages;
    });
    await test('invalid values as PDF: both marked, DRAFT on every page, the open items (invalid-values.all-1.png…)', () =>
      pdfTest(engine, facts, invalid, 'invalid-values.all', 'all', [
        'NOT VALID',
        '2025-13-45 is not a real date',
        'Open items',
      ]));
    for (const [document, example, title] of [
      ['summary', 'meadow-7b', 'Public summary of training content'],
      ['copyright-policy', 'kestrel-13b', 'Summary of the copyright policy'],
    ]) {
      await test(`${example}: the ${document} document as HTML and PDF (${example}.${document}.png, ${example}.${document}-1.png…)`, async () => {
        const file = join(ROOT, 'examples', `${example}.gpai.yaml`);
        const html = join(ARTIFACTS, `${example}.${document}.html`);
        cli(file, '--document', document, '--out', html);
        const model = preview(engine, readFileSync(file, 'utf8'), file);
        const target = { document, audience: 'all' };
        const draft = facts.draftStatus(model, target).draft;
        const headings = [
          ...tree.exportTree(model, target).parts.map((p) => p.heading.replace(/\s+/g, ' ')),
          ...(draft ? ['Open items'] : []),
          'About this document',
        ];
        await checkExport(browser, html, { name: `${example}.${document}`, title, headings, draft }, ARTIFACTS);
        const pdf = join(ARTIFACTS, `${example}.${document}.pdf`);
        cli(file, '--document', document, '--out', pdf);
        return checkPdf(pdf, ARTIFACTS, `${example}.${document}`, {
          header: facts.runningHeader(model, target, TODAY).slice(0, 30),
          draft,
          contains: [title],
        });
      });
    }
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
