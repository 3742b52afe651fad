import * as assert from 'node:assert/strict';
import { answerColumn, firstKeyLine } from '../../../client/src/answerColumn';

describe('where an empty answer is typed', () => {
  it('puts the cursor after the key and one space, before the comment that says what to write', () => {
    const line = '  release_date:  # 1.4 Release date: YYYY-MM-DD';
    assert.equal(line.slice(0, answerColumn(line)), '  release_date: ');
  });
  it('handles a list entry, a quoted key and a key with nothing after it', () => {
    assert.equal(answerColumn('    - channel:'), '    - channel:'.length);
    const quoted = '  "model name": # x';
    assert.equal(quoted.slice(0, answerColumn(quoted)), '  "model name": ');
    assert.equal(answerColumn('  version:'), '  version:'.length);
  });
  it('goes to the end of a line that holds no key', () => {
    assert.equal(answerColumn('  # just a comment'), '  # just a comment'.length);
  });
});

describe('where an inserted key is', () => {
  it('skips the line break before it and the comment wrapped above it', () => {
    assert.equal(
      firstKeyLine('\n  # form 4.5 Required hardware: the hardware, with versions,\n  # needed\n  required_hardware:'),
      3,
    );
    assert.equal(firstKeyLine('  required_hardware:  # 4.5\n'), 0);
    assert.equal(firstKeyLine('\r\n  - name:'), 1);
    assert.equal(firstKeyLine('\n\n  # only a comment\n'), undefined);
  });
});
