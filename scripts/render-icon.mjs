// Renders client/icon.svg to client/media/icon.png (128×128, transparent corners) with Debian's
// chromium through playwright-core, as scripts/vscode/install.sh provides it. Run after editing the SVG.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const media = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../client/media');
const svg = fs.readFileSync(path.join(media, '../icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(media, 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
console.log('client/media/icon.png written');
