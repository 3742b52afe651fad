// PDFs as a reader gets them: the HTML export printed by Chromium, and the PDF the CLI writes without a
// browser (pdfmake). Each is rasterised with pdftoppm (poppler-utils; installed with apt here if missing and
// we are root, as CI is) into test-artifacts/browser/<name>-<page>.png, and its text read with pdftotext:
// every page carries the running header and its number, and every page of a draft carries DRAFT.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { aptInstall, check } from './browser.mjs';

/** pdftoppm and pdftotext, from Debian's poppler-utils; installed now if missing (root only, as in CI). */
export function ensurePoppler() {
  if (spawnSync('which', ['pdftoppm']).status === 0) return 'present';
  aptInstall('poppler-utils');
  return 'installed with apt-get';
}

/** The text of each page of a PDF. */
export function pdfPages(file) {
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  check(r.status === 0, `pdftotext could not read ${file}`, r.stderr);
  return r.stdout.split('\f').filter((page, i, all) => i < all.length - 1 || page.trim());
}

/** Rasterises every page to PNG (72 dpi: enough to look at, small to keep); returns the file names. */
export function rasterise(file, artifacts, name) {
  const r = spawnSync('pdftoppm', ['-r', '72', '-png', file, join(artifacts, name)], { encoding: 'utf8' });
  check(r.status === 0, `pdftoppm could not render ${file}`, r.stderr);
  const pngs = readdirSync(artifacts).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
  check(pngs.length > 0, `pdftoppm wrote no page of ${file}`);
  return pngs.sort();
}

/**
 * Checks a printed export: rasterised, every page with the running header (`header`, whitespace-insensitive)
 * and "Page n of N", and DRAFT on every page when `draft`. `contains` lists text the whole PDF must hold,
 * `rows` the form items whose number must begin a line.
 */
export function checkPdf(file, artifacts, name, { header, draft, contains = [], rows = [], maxPages }) {
  check(existsSync(file), `no PDF at ${file}`);
  const pngs = rasterise(file, artifacts, name);
  const raw = pdfPages(file);
  const pages = raw.map((p) => p.replace(/\u00ad/g, '').replace(/\s+/g, ' '));
  // A form row starts its line with its number, in the first column.
  for (const n of rows)
    check(new RegExp(`^\\s*${n.replace('.', '\\.')}\\s`, 'm').test(raw.join('\n')), 'a row missing from the PDF', n);
  check(pages.length === pngs.length, 'pdftotext and pdftoppm disagree on the pages', [pages.length, pngs.length]);
  pages.forEach((text, i) => {
    check(text.includes(`Page ${i + 1} of ${pages.length}`), `page ${i + 1} has no page number`, text.slice(-200));
    if (header) check(text.includes(header), `page ${i + 1} has no running header`, text.slice(0, 200));
    check(text.includes('DRAFT') === draft, `page ${i + 1}: DRAFT ${draft ? 'missing' : 'on a document that is none'}`);
  });
  const all = pages.join(' ');
  for (const c of contains) check(all.includes(c), 'text missing from the PDF', c);
  if (maxPages) check(pages.length <= maxPages, `${pages.length} pages, more than ${maxPages}`);
  return `${pages.length} pages, ${pngs[0]}…`;
}
