// Writes l10n/bundle.l10n.json: every message the client passes to `vscode.l10n.t` (or to the `t` the
// pure view models take), keyed by itself, as @vscode/l10n-dev would export it. Translators copy it to
// bundle.l10n.<locale>.json. `--check` exits 1 if the file is out of date (the unit tests run it).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = path.join(ROOT, 'client/src');
const BUNDLE = path.join(ROOT, 'l10n/bundle.l10n.json');
// `t('…')` or `l10n.t('…')` with a quoted literal first argument (double quotes where it holds a `'`).
const CALL = /(?<![\w$])(?:l10n\.)?t\(\s*(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)")/g;

function sources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

export function messages() {
  const found = new Set();
  for (const file of sources(SOURCES).sort()) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(CALL)) found.add((m[1] ?? m[2]).replace(/\\(.)/g, '$1'));
  }
  return Object.fromEntries([...found].sort().map((s) => [s, s]));
}

const text = JSON.stringify(messages(), null, 2) + '\n';
if (process.argv.includes('--check')) {
  const current = fs.existsSync(BUNDLE) ? fs.readFileSync(BUNDLE, 'utf8') : '';
  if (current !== text) {
    console.error(`${path.relative(ROOT, BUNDLE)} is out of date: run node scripts/l10n.mjs`);
    process.exit(1);
  }
} else {
  fs.mkdirSync(path.dirname(BUNDLE), { recursive: true });
  fs.writeFileSync(BUNDLE, text);
  console.log(`l10n: ${Object.keys(JSON.parse(text)).length} messages in ${path.relative(ROOT, BUNDLE)}`);
}
