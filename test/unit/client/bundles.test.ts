/**
 * What each bundle of dist/ holds (the development build `npm test` makes): activation loads
 * dist/extension.js, so the language client and the PDF and DOCX libraries stay in bundles of their own,
 * required on first use. The export bundle was once pulled into the extension by a relative path esbuild
 * resolved: activation read 1.5 MB instead of 65 KB.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../helpers/text';

const bundle = (name: string) => readFileSync(join(ROOT, 'dist', name), 'utf8');

describe('bundles', () => {
  it('keeps the PDF and DOCX libraries and the language client out of the extension', () => {
    const extension = bundle('extension.js');
    for (const library of ['pdfmake', 'docx', 'hyphen', 'vscode-languageclient'])
      assert.doesNotMatch(extension, new RegExp(`node_modules/${library}/`), `${library} in dist/extension.js`);
    assert.match(extension, /require\("\.\/exporters"\)/, 'the export bundle is required beside the extension');
    assert.match(extension, /require\("\.\/languageClient"\)/);
  });

  it('has the PDF and DOCX libraries in the export bundle', () => {
    const exporters = bundle('exporters.js');
    assert.match(exporters, /node_modules\/pdfmake\//);
    assert.match(exporters, /node_modules\/docx\//);
  });
});
