// One build for the three processes: the VS Code extension (client), the language server and the CLI; and the
// web extension (dist/web/): the client for a web worker extension host and the server in a Web Worker.
// Usage: node esbuild.mjs [--production] [--watch] [--outdir=DIR] [--bench]
//   --outdir=DIR  write the bundles to DIR instead of dist/ (the benchmark measures a production build there)
//   --bench       also bundle the benchmark runner, bench/run.ts -> bench/out/run.js
// esbuild does not type-check: `npm run compile` (tsc) does.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { precompiledValidator } from './scripts/validatorCode.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';
const bench = process.argv.includes('--bench');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: production ? 'none' : 'inline',
  // yaml's ES module build (its package exports it for non-Node platforms): the same code as its CommonJS
  // build without a process.env read per token (parsing ~25 % faster), and bundled without a getter on
  // every isMap/isScalar call, which the engine makes in every rule (rules and coverage ~2x faster).
  // jsonc-parser's ES build likewise: its UMD build hides its modules from esbuild behind a dynamic require.
  alias: {
    yaml: './node_modules/yaml/browser/index.js',
    'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js',
  },
  // The schema's validator compiled now rather than when each process starts.
  plugins: [precompiledValidator(fileURLToPath(new URL('.', import.meta.url)))],
};

const builds = [
  // The extension without its language client, which activate() requires once it has returned: activation
  // loads 50 KB instead of 450 KB.
  {
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: `${outdir}/extension.js`,
    external: ['vscode', './languageClient', './exporters'],
    define: { WEB_BUILD: 'false' },
  },
  // The exports (PDF, DOCX, hyphenation: about 2 MB of libraries), required by the export command and
  // `gpai-docs render` on first use only. Its fonts are copied beside it (below).
  { ...common, entryPoints: ['shared/render/exporters.ts'], outfile: `${outdir}/exporters.js` },
  {
    ...common,
    entryPoints: ['client/src/languageClient.ts'],
    outfile: `${outdir}/languageClient.js`,
    external: ['vscode'],
  },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: `${outdir}/server.js` },
  { ...common, entryPoints: ['bin/gpai-docs.ts'], outfile: `${outdir}/cli.js`, banner: { js: '#!/usr/bin/env node' } },
  {
    ...common,
    entryPoints: ['bin/gpai-docs-language-server.ts'],
    outfile: `${outdir}/language-server.js`,
    banner: { js: '#!/usr/bin/env node' },
  },
];
// The web extension: no Node API anywhere on this path (no `process`, `Buffer` or `require` but of `vscode`).
/** @type {esbuild.BuildOptions} */
const web = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  // The export command leaves out the PDF and DOCX bundle in this build (client/src/preview/exportCommand.ts).
  define: { WEB_BUILD: 'true' },
};
builds.push(
  // One file: a web extension host loads no module of the extension's but its entry.
  { ...web, entryPoints: ['client/src/web/extension.ts'], outfile: `${outdir}/web/extension.js`, external: ['vscode'] },
  // A worker script: an IIFE, run by `new Worker(url)`.
  { ...web, entryPoints: ['server/src/browserServer.ts'], outfile: `${outdir}/web/server.js`, format: 'iife' },
);
if (bench)
  builds.push({
    ...common,
    entryPoints: ['bench/run.ts'],
    outfile: 'bench/out/run.js',
    minify: false,
    sourcemap: true,
  });

// The PDF export's fonts: Roboto (SIL Open Font Licence 1.1) as pdfmake ships it, beside the export bundle.
// Two faces: the exports set no text in italics.
const FONTS = ['Roboto-Regular.ttf', 'Roboto-Medium.ttf'];
mkdirSync(`${outdir}/fonts`, { recursive: true });
for (const font of FONTS) copyFileSync(`node_modules/pdfmake/fonts/Roboto/${font}`, `${outdir}/fonts/${font}`);
copyFileSync('client/media/fonts/OFL.txt', `${outdir}/fonts/OFL.txt`);

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching');
} else {
  const started = Date.now();
  await Promise.all(builds.map((options) => esbuild.build(options)));
  console.log(
    `esbuild: built ${builds.map((b) => b.outfile).join(', ')} in ${Date.now() - started} ms${production ? ' (production)' : ''}`,
  );
}
