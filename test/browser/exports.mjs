// The exported HTML in a real browser: each example exported by the CLI (`gpai-docs render`), and a hostile
// document, must show the form's headings, run no script, make no request, raise no console error, and
// keep its own style; a screenshot and a PDF print of each are kept in test-artifacts/browser/.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { check, guardedPage } from './browser.mjs';

/** Elements document text could have smuggled in; the renderer never writes them in an export. */
const FORBIDDEN =
  'script, iframe, frame, object, embed, img, svg, math, video, audio, form, input, base, link, meta[http-equiv="refresh"], body style';

/** Opens one exported page and checks it; `expect` lists h2 headings in order and text shown literally. */
export async function checkExport(browser, file, expect, artifacts) {
  const url = pathToFileURL(file).href;
  const { page, problems, close } = await guardedPage(browser, { allowed: [url] });
  try {
    await page.goto(url, { waitUntil: 'load' });
    const facts = await page.evaluate(
      (forbidden) => ({
        pwned: window.__pwned,
        forbidden: [...document.querySelectorAll(forbidden)].map((e) => e.outerHTML.slice(0, 80)),
        headStyles: document.head.querySelectorAll('style').length,
        handlers: [...document.querySelectorAll('*')].flatMap((e) =>
          [...e.attributes]
            .filter((a) => /^on|^style$|^srcdoc$|^formaction$/i.test(a.name))
            .map((a) => `${e.tagName}[${a.name}]`),
        ),
        hrefs: [...document.querySelectorAll('[href]')].map((e) => e.getAttribute('href')),
        h1: document.querySelector('h1')?.textContent,
        h2: [...document.querySelectorAll('h2')].map((h) => h.textContent.replace(/\s+/g, ' ').trim()),
        columns: [...document.querySelectorAll('table.form-table thead tr')].map((r) =>
          [...r.children]
            .slice(3)
            .map((c) => c.textContent)
            .join('/'),
        ),
        // The inlined stylesheet applied (CSP hash): tables collapse their borders, the header has its rule.
        styled: document.querySelector('table')
          ? getComputedStyle(document.querySelector('table')).borderCollapse
          : getComputedStyle(document.querySelector('.form-header')).borderBottomStyle === 'solid'
            ? 'collapse'
            : 'not styled',
        bodyShown: getComputedStyle(document.body).display,
        text: document.body.innerText.replace(/\u00ad/g, ''),
        draftMark: document.querySelector('.draft-watermark')?.textContent ?? null,
        openItems: document.querySelectorAll('#open-items tbody tr').length,
        rows: document.querySelectorAll('[data-item-id^="form/"]').length,
      }),
      FORBIDDEN,
    );
    check(problems.length === 0, 'the page misbehaved', problems);
    check(facts.pwned === undefined, 'a script from the document ran', facts.pwned);
    check(facts.forbidden.length === 0, 'elements from document text', facts.forbidden);
    check(facts.handlers.length === 0, 'inline handlers or styles', facts.handlers);
    check(
      facts.hrefs.every((h) => /^(https:\/\/|mailto:)/.test(h)),
      'a link that is neither https: nor mailto:',
      facts.hrefs,
    );
    check(
      facts.headStyles === 1 && facts.styled === 'collapse' && facts.bodyShown !== 'none',
      'the stylesheet inside the page did not apply (CSP hash?)',
      facts.styled,
    );
    check(facts.h1 === (expect.title ?? 'Model Documentation Form'), 'the title', facts.h1);
    if (expect.draft !== undefined)
      check(
        (facts.draftMark === 'DRAFT') === expect.draft,
        expect.draft ? 'no DRAFT mark' : 'a DRAFT mark on a finished export',
      );
    check(JSON.stringify(facts.h2) === JSON.stringify(expect.headings), 'the headings', {
      got: facts.h2,
      expected: expect.headings,
    });
    if (expect.rows !== undefined) {
      check(
        facts.columns.length > 0 && facts.columns.every((c) => c === 'AIO/NCAs/DPs'),
        "the recipients' columns",
        facts.columns,
      );
      check(facts.rows === expect.rows, 'the number of form items', { got: facts.rows, expected: expect.rows });
    }
    for (const literal of expect.literal ?? []) check(facts.text.includes(literal), 'text shown as written', literal);
    const name = expect.name;
    await page.screenshot({ path: join(artifacts, `${name}.png`) });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(artifacts, `${name}.print.png`) });
    await page.pdf({
      path: join(artifacts, `${name}.pdf`),
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
    });
    check(problems.length === 0, 'the page misbehaved while printing', problems);
    return `${facts.rows} items, ${facts.h2.length} headings${facts.openItems ? `, ${facts.openItems} open items` : ''}`;
  } finally {
    await close();
  }
}

export function examples(root) {
  return readdirSync(join(root, 'examples'))
    .filter((f) => f.endsWith('.gpai.yaml'))
    .sort()
    .map((f) => join(root, 'examples', f));
}
