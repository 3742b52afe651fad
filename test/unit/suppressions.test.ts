/**
 * Suppressions are YAML comments: the same words in a value are the writer's text, and removing a stale
 * suppression removes the comment, never the answer on its line.
 */
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine';
import { getCodeActions, getDiagnostics } from '../helpers/engine';
import { CodeActionKinds } from '../../shared/names';
import { TODAY } from '../helpers/diagnostics';
import { edit, example, parse } from '../helpers/text';

const KESTREL = example('kestrel-13b.gpai.yaml');
const NAME = 'provider_legal_name: Kestrel Language Systems SAS';

function fixAll(text: string): string {
  const doc = parse(text);
  const [action] = getCodeActions(
    doc,
    doc.lines.range(0, 0),
    { diagnostics: [], only: [CodeActionKinds.fixAll] },
    { today: TODAY },
  );
  return action ? applyEdits(doc, action.edit!.changes![doc.uri]) : text;
}

const codesOf = (text: string) => getDiagnostics(parse(text), { today: TODAY }).diagnostics.map((d) => String(d.code));

describe('suppressions', () => {
  it('removes a stale suppression written after a value, keeping the value (Fix all deleted the whole line)', () => {
    const text = edit(KESTREL, NAME, `${NAME} # gpai-docs-disable-next-line missing.item -- reviewed`);
    assert.ok(codesOf(text).includes('suppression.unused'));
    assert.equal(fixAll(text), KESTREL);
  });

  it('removes a stale suppression alone on its line with its line', () => {
    const text = edit(KESTREL, `  ${NAME}`, `  # gpai-docs-disable-next-line missing.item -- reviewed\n  ${NAME}`);
    assert.equal(fixAll(text), KESTREL);
  });

  it('reads the words of a suppression inside a block scalar or a quoted string as text, not as a suppression', () => {
    const block = edit(
      KESTREL,
      '  quality_and_integrity: >-\n',
      '  quality_and_integrity: >-\n    # gpai-docs-disable-next-line missing.item -- not a comment\n\n',
    );
    const quoted = edit(
      KESTREL,
      NAME,
      `provider_legal_name: "Kestrel # gpai-docs-disable-next-line missing.item -- x"`,
    );
    for (const text of [block, quoted]) {
      assert.ok(!codesOf(text).some((c) => c.startsWith('suppression.')), 'no finding about a suppression');
      assert.equal(fixAll(text), text, 'Fix all leaves the text as it is');
    }
  });

  it('still silences the next line from a comment after a value', () => {
    const text = edit(
      KESTREL,
      '  release_date: 2025-07-30\n',
      '  release_date: 2025-07-30\n  model_authenticity_typo: x # ignored\n',
    );
    assert.ok(codesOf(text).includes('key.unknown'));
    const silenced = edit(
      text,
      '  release_date: 2025-07-30',
      '  release_date: 2025-07-30 # gpai-docs-disable-next-line key.unknown -- kept for the archive',
    );
    assert.ok(!codesOf(silenced).includes('key.unknown'));
    assert.ok(!codesOf(silenced).includes('suppression.unused'));
  });
});
