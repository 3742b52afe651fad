import * as assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { sha256, sha256Base64, toBase64 } from '../../../shared/render/sha256';

describe('sha256 (the CSP hash, without node:crypto)', () => {
  it('matches node:crypto on the empty string, ASCII, UTF-8 and every padding boundary', () => {
    const texts = ['', 'abc', 'é ☃ 𝄞 — “quoted”', ...[55, 56, 63, 64, 65, 119, 120, 128].map((n) => 'x'.repeat(n))];
    for (const text of texts) {
      assert.equal(
        sha256Base64(text),
        createHash('sha256').update(text, 'utf8').digest('base64'),
        `${text.length} chars`,
      );
    }
  });

  it('matches node:crypto on random bytes of many lengths', () => {
    for (let length = 0; length < 300; length += 7) {
      const bytes = randomBytes(length);
      assert.deepEqual(Buffer.from(sha256(bytes)), createHash('sha256').update(bytes).digest());
    }
  });

  it('writes base64 as Buffer does, with its padding', () => {
    for (let length = 0; length < 10; length++) {
      const bytes = randomBytes(length);
      assert.equal(toBase64(bytes), bytes.toString('base64'));
    }
  });
});
