import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { applyEdits } from '../../../server/src/engine/edits';
import { getValueSet } from '../../../server/src/engine/catalogue';
import { codes, withCode } from '../../helpers/diagnostics';
import { getCodeActions } from '../../helpers/engine';
import { edit, example, parse } from '../../helpers/text';

const KESTREL = example('kestrel-13b.gpai.yaml');
const PROVENANCE = '    - synthetic_data\n';
const withOther = (more = '') => edit(KESTREL, PROVENANCE, `${PROVENANCE}    - other\n${more}`);
const NAMED = '  other_data_provenance: Transcripts licensed from a broadcaster archive.\n';

/** The text after the quick-fix of the only `format.superseded-value` finding, or undefined if none is offered. */
function fixed(text: string): string | undefined {
  const [d] = withCode(text, 'format.superseded-value');
  const doc = parse(text);
  const action = getCodeActions(doc, d.range, { diagnostics: [d] }).find((a) => a.title.startsWith('Remove'));
  return action ? applyEdits(doc, Object.values(action.edit!.changes!)[0]) : undefined;
}

describe('rule superseded', () => {
  it('says what the final form asks instead of a value it no longer offers ("other" in 6.2)', () => {
    const [d] = withCode(withOther(), 'format.superseded-value');
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.match(d.message, /form 6\.2/);
    assert.ok(d.message.includes(getValueSet('data-provenance').superseded![0].instead));
    assert.ok(!codes(withOther()).some((c) => c.startsWith('shape.')), 'an old file stays valid');
  });

  it('offers no fix while nothing names the source: "other" may mean other_means or a source to name', () => {
    assert.equal(fixed(withOther()), undefined);
  });

  it('removes the entry, and only its line, once other_data_provenance names the source', () => {
    const text = edit(withOther(), /\n {2}acquisition_and_selection:/, `\n${NAMED}  acquisition_and_selection:`);
    assert.equal(fixed(text), text.replace('    - other\n', ''));
    assert.deepEqual(withCode(fixed(text)!, 'format.superseded-value'), []);
  });

  it('offers no removal in a flow list or beside a comment, where a line is not the entry alone', () => {
    const named = (t: string) => edit(t, /\n {2}acquisition_and_selection:/, `\n${NAMED}  acquisition_and_selection:`);
    const flow = edit(KESTREL, /data_provenance:\n(\s+- .*\n)+/, 'data_provenance: [web_crawling, other]\n');
    assert.equal(withCode(named(flow), 'format.superseded-value').length, 1);
    assert.equal(fixed(named(flow)), undefined);
    const commented = edit(withOther(), '    - other\n', '    - other  # from the 2025 draft\n');
    assert.equal(fixed(named(commented)), undefined);
  });

  it('reads the current values without a finding', () => {
    assert.deepEqual(
      withCode(edit(KESTREL, PROVENANCE, `${PROVENANCE}    - other_means\n`), 'format.superseded-value'),
      [],
    );
  });
});
