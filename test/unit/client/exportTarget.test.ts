import * as assert from 'node:assert/strict';
import { exportFileName, exportFolderPath } from '../../../client/src/preview/exportTarget';

describe('export target', () => {
  it('names the export after the file, the audience and the format', () => {
    assert.equal(
      exportFileName('/w/models/kestrel-13b.gpai.yaml', 'downstream', 'html'),
      'kestrel-13b.downstream.html',
    );
    assert.equal(exportFileName('/w/halcyon.yml', 'all', 'md'), 'halcyon.all.md');
    assert.equal(exportFileName('Untitled-1', 'nca', 'md'), 'Untitled-1.nca.md');
  });

  it("defaults to exports/ at the root of the file's workspace folder, wherever the file is in it", () => {
    assert.equal(exportFolderPath('/w/models/deep/kestrel.gpai.yaml', '/w'), '/w/exports');
    assert.equal(exportFolderPath('/w/kestrel.gpai.yaml', '/w/'), '/w/exports');
    assert.equal(exportFolderPath('Untitled-1', '/w'), '/w/exports');
  });

  it('falls back to the file’s own folder outside any workspace folder, and to none for an untitled file', () => {
    assert.equal(exportFolderPath('/tmp/kestrel.gpai.yaml', undefined), '/tmp');
    assert.equal(exportFolderPath('/kestrel.gpai.yaml', undefined), '/');
    assert.equal(exportFolderPath('Untitled-1', undefined), undefined);
  });
});
