/**
 * A document's text in the Markdown the server builds (hovers, which Explain shows in the Markdown preview)
 * is text: no image loads, no link, no HTML, no escape from a code span, whatever a value, a key, a unit or
 * an N/A reason holds. Rendered here with HTML on and bare links made clickable, as the preview may.
 */
import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import type { Position } from 'vscode-languageserver-types';
import { DOCS_BASE } from '../../server/src/engine';
import { code, text } from '../../server/src/engine/markdown';
import { getHover } from '../helpers/engine';
import { edit, example, parse } from '../helpers/text';

const PAYLOADS = [
  '![](https://tracker.example/p.png)',
  '[guidance](https://phish.example/login)',
  '<img src=x onerror=alert(1)>',
  '<a href="https://phish.example/">here</a>',
  '<script>alert(1)</script>',
  'see <https://autolink.example/x>',
  'go to https://bare.example/path or www.bare.example',
  'back`tick`` and ```fence``` `',
  '&lt;b&gt;entity&amp;',
  '*bold* _em_ # heading | table | $(alert) [x]: https://ref.example',
];

const render = new MarkdownIt({ html: true, linkify: true });

/**
 * What the rendered Markdown must never hold: images, links other than our own docs, tags from the document.
 * With `shown`, the payload must also read as written.
 */
function problems(markdown: string, payload: string, shown = false): string[] {
  const html = render.render(markdown);
  const out: string[] = [];
  if (/<img\b/i.test(html)) out.push('an image');
  for (const m of html.matchAll(/<a\s[^>]*href="([^"]*)"/gi)) {
    if (!m[1].startsWith(DOCS_BASE)) out.push(`a link to ${m[1]}`);
  }
  if (/<(script|iframe|b)\b/i.test(html)) out.push('a tag from the document');
  if (!shown) return out;
  const rendered = html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  const visible = payload.replace(/\s+/g, ' ').trim();
  if (!rendered.replace(/\s+/g, ' ').includes(visible))
    out.push(`the text is not shown as written: ${rendered.slice(0, 300)}`);
  return out;
}

const KESTREL = example('kestrel-13b.gpai.yaml');

/** Places a hover shows text from the file, and where to hover: each returns the text and the position. */
const PLACES: readonly { name: string; put(payload: string): { text: string; at: Position } }[] = [
  {
    name: 'a key of a keyed map',
    put: (payload) =>
      hoverAt(
        edit(KESTREL, '    text: 32,768 tokens', `    ${JSON.stringify(payload)}: 32,768 tokens`),
        JSON.stringify(payload),
        1,
      ),
  },
  {
    name: 'a value of a closed set',
    put: (payload) =>
      hoverAt(
        edit(KESTREL, 'systemic_risk: none', `systemic_risk: ${JSON.stringify(payload)}`),
        JSON.stringify(payload),
        1,
      ),
  },
  {
    name: 'a number that is not one',
    put: (payload) =>
      hoverAt(
        edit(KESTREL, /total_model_size: \S+/, `total_model_size: ${JSON.stringify(payload)}`),
        JSON.stringify(payload),
        1,
      ),
  },
  {
    name: 'the unit of a number',
    put: (payload) =>
      hoverAt(
        edit(KESTREL, /training_compute: \S+/, `training_compute: ${JSON.stringify(`3.1e23 ${payload}`)}`),
        '"3.1e23',
        1,
      ),
  },
  {
    name: 'the unit a derived value carries',
    put: (payload) =>
      hoverAt(
        edit(KESTREL, /(data_points:\n\s+training:) \S+( \S+)?/, `$1 ${JSON.stringify(`1.5e13 ${payload}`)}`),
        '"1.5e13',
        1,
      ),
  },
  {
    name: 'the reason of an N/A answer (value)',
    put: (payload) =>
      hoverAt(edit(KESTREL, '    text: 32,768 tokens', `    text: ${JSON.stringify(`N/A (${payload})`)}`), '"N/A', 1),
  },
  {
    name: 'the reason of an N/A answer (the state line of the key)',
    put: (payload) =>
      hoverAt(
        edit(KESTREL, 'model_dependencies: N/A', `model_dependencies: ${JSON.stringify(`N/A: ${payload}`)}`),
        'model_dependencies',
        1,
      ),
  },
];

function hoverAt(source: string, needle: string, offset: number): { text: string; at: Position } {
  const doc = parse(source);
  return { text: source, at: doc.lines.positionAt(source.indexOf(needle) + offset) };
}

describe('robustness: document text in Markdown', () => {
  it('escapes text so that it renders as written, and code spans that no backtick closes', () => {
    for (const payload of PAYLOADS) {
      assert.deepEqual(problems(text(payload), payload, true), [], `text: ${payload}`);
      const html = render.renderInline(code(payload));
      assert.match(html, /^<code>.*<\/code>$/s, `one code span: ${payload}`);
    }
  });

  for (const place of PLACES) {
    it(`shows ${place.name} as text in the hover`, () => {
      for (const payload of PAYLOADS) {
        const { text: source, at } = place.put(payload);
        const hover = getHover(parse(source), at);
        assert.ok(hover, `a hover for ${place.name} with ${payload}`);
        const markdown = (hover.contents as { value: string }).value;
        assert.deepEqual(problems(markdown, payload), [], `${place.name}: ${payload}`);
      }
    });
  }
});
