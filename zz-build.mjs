import * as esbuild from 'esbuild';
import { precompiledValidator } from '/work/main/scripts/validatorCode.mjs';
const [entry, out] = process.argv.slice(2);
await esbuild.build({ entryPoints: [entry], bundle: true, format: 'cjs', platform: 'node', target: 'node20', minify: true, outfile: out, logLevel: 'warning',
 alias: { yaml: './node_modules/yaml/browser/index.js', 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' }, plugins: [precompiledValidator('/work/main/')] });
