/**
 * An export as PDF, in pure JavaScript (pdfmake over pdfkit, no browser): `pdfDefinition(tree)` lays the
 * export tree out as pdfmake's document definition, a pure function; `renderPdf` prints it with the fonts it
 * is given (Roboto, SIL Open Font Licence, shipped beside the bundle). Every page carries the running header
 * and its number; every page of a draft carries DRAFT in its header and across the page. Rows break across
 * pages; a heading left last on a page moves to the next. No file or URL is ever read while printing.
 */
import type { Block, ExportTree, Part, Row, Run } from './exportDocument';

/** The two faces the exports use, as the bytes of TrueType files; no text is set in italics. */
export interface PdfFonts {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- pdfmake's document definition is untyped JSON */
type Node = any;

const INK = '#1c2430';
const MUTED = '#555b66';
const FLAG = '#a3162b';
const ACCENT = '#1d3f8f';
const RULE = '#c5ccd6';
const MARGIN = 36;

export function pdfDefinition(tree: ExportTree): Node {
  return {
    pageSize: 'A4',
    pageMargins: [MARGIN, 50, MARGIN, 42],
    info: {
      title: `${tree.title} — ${tree.subtitle}`,
      subject: tree.runningHeader,
      creator: 'gpai-docs',
      producer: 'gpai-docs',
    },
    defaultStyle: { font: 'Roboto', fontSize: 8.5, lineHeight: 1.2, color: INK },
    header: () => ({
      margin: [MARGIN, 22, MARGIN, 0],
      columns: [
        { text: tree.runningHeader, fontSize: 7, color: MUTED },
        tree.draft
          ? { text: 'DRAFT', width: 'auto', bold: true, fontSize: 10, color: FLAG, characterSpacing: 1.5 }
          : { text: '', width: 'auto' },
      ],
    }),
    footer: (page: number, pages: number) => ({
      margin: [MARGIN, 14, MARGIN, 0],
      text: `Page ${page} of ${pages}`,
      alignment: 'right',
      fontSize: 7,
      color: MUTED,
    }),
    ...(tree.draft ? { watermark: { text: 'DRAFT', color: FLAG, opacity: 0.07, bold: true } } : {}),
    // A heading left last on its page moves to the next, with what it heads.
    pageBreakBefore: (node: Node, page: { getFollowingNodesOnPage: () => Node[] }) =>
      node.headlineLevel !== undefined && page.getFollowingNodesOnPage().length === 0,
    content: [...titleNodes(tree), ...tree.parts.flatMap(partNodes), ...openItemNodes(tree), ...provenanceNodes(tree)],
  };
}

export async function renderPdf(tree: ExportTree, fonts: PdfFonts): Promise<Uint8Array> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pdfmake = require('pdfmake') as any;
  pdfmake.virtualfs.writeFileSync('gpai-regular.ttf', Buffer.from(fonts.regular));
  pdfmake.virtualfs.writeFileSync('gpai-bold.ttf', Buffer.from(fonts.bold));
  const [regular, bold] = ['gpai-regular.ttf', 'gpai-bold.ttf'];
  pdfmake.setFonts({ Roboto: { normal: regular, bold, italics: regular, bolditalics: bold } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  const buffer: Buffer = await pdfmake.createPdf(pdfDefinition(tree)).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function titleNodes(tree: ExportTree): Node[] {
  const meta = tree.meta.map(([k, v]) => [
    { text: k.toUpperCase(), fontSize: 6.5, color: MUTED, characterSpacing: 0.3 },
    { text: v, bold: true },
  ]);
  return [
    { text: tree.kicker.toUpperCase(), fontSize: 7, color: MUTED, characterSpacing: 0.4 },
    { text: tree.title, fontSize: 18, bold: true, margin: [0, 2, 0, 0] },
    ...(tree.subtitle ? [{ text: tree.subtitle, fontSize: 11, color: MUTED, margin: [0, 0, 0, 6] }] : []),
    { table: { widths: [110, '*'], body: meta }, layout: thinLines(), margin: [0, 2, 0, 6] },
    ...(tree.draft
      ? [
          {
            table: {
              widths: ['*'],
              body: [
                [
                  {
                    text: [{ text: 'DRAFT  ', bold: true, characterSpacing: 1.2 }, tree.draft],
                    color: FLAG,
                    bold: false,
                  },
                ],
              ],
            },
            layout: {
              hLineColor: FLAG,
              vLineColor: FLAG,
              hLineWidth: () => 1.2,
              vLineWidth: () => 1.2,
              paddingTop: () => 4,
              paddingBottom: () => 4,
            },
            margin: [0, 0, 0, 8],
          },
        ]
      : []),
  ];
}

function heading(text: string, level = 1): Node {
  return level === 1
    ? { text, fontSize: 12.5, bold: true, color: INK, margin: [0, 10, 0, 4], headlineLevel: 1 }
    : { text, fontSize: 9.5, bold: true, color: INK, margin: [0, 6, 0, 2], headlineLevel: 2 };
}

function partNodes(part: Part): Node[] {
  const intro = part.intro.length ? [{ stack: blockNodes(part.intro), margin: [0, 0, 0, 4] }] : [];
  if (part.layout === 'list') return [heading(part.heading), ...intro, ...part.rows.flatMap(listRow)];
  const head = ['No.', 'Item', 'Information', 'AIO', 'NCAs', 'DPs'].map((t) => ({
    text: t.toUpperCase(),
    fontSize: 6.5,
    bold: true,
    color: MUTED,
  }));
  // The heading is the table's first header row: it never stays behind at the foot of a page, and it
  // heads the section's continuation on the next.
  const title = [
    {
      ...heading(part.heading),
      headlineLevel: undefined,
      margin: [-4, 8, 0, 2],
      colSpan: 6,
      border: [false, false, false, true],
    },
    {},
    {},
    {},
    {},
    {},
  ];
  return [
    ...intro,
    {
      table: {
        headerRows: 2,
        dontBreakRows: false,
        keepWithHeaderRows: 1,
        widths: [20, 105, '*', 20, 22, 20],
        body: [title, head.map((h) => ({ ...h, fillColor: '#eef1f5' })), ...part.rows.map(formRow)],
      },
      layout: thinLines(),
    },
  ];
}

function formRow(row: Row): Node[] {
  return [
    { text: row.number, bold: true, color: MUTED },
    { text: row.label, bold: true },
    { stack: blockNodes(row.blocks) },
    ...(row.ticks ?? [false, false, false]).map((t) => (t ? tick() : { text: '' })),
  ];
}

/** The form's tick: Roboto has no ✓, and its √ reads as one; text, so it moves with its row across a page break. */
function tick(): Node {
  return { text: '√', bold: true, color: ACCENT, fontSize: 10, alignment: 'center' };
}

function listRow(row: Row): Node[] {
  const title = row.number ? [{ text: `${row.number}  `, color: ACCENT }, row.label] : [row.label];
  return [
    { ...heading('', 2), text: title },
    { stack: blockNodes(row.blocks), margin: [0, 0, 0, 4] },
  ];
}

function blockNodes(blocks: readonly Block[]): Node[] {
  return blocks.map((b): Node => {
    switch (b.kind) {
      case 'para':
        return { text: b.runs.map(runNode), margin: [0, 0, 0, 2] };
      case 'list':
        return { ul: b.items.map((item) => ({ stack: blockNodes(item) })), margin: [0, 0, 0, 2] };
      case 'fields':
        return {
          table: {
            widths: [90, '*'],
            dontBreakRows: false,
            body: b.fields.map((f) => [{ text: f.label, color: MUTED, bold: true }, { stack: blockNodes(f.blocks) }]),
          },
          layout: {
            hLineWidth: (i: number) => (i === 0 ? 0 : 0.3),
            vLineWidth: () => 0,
            hLineColor: RULE,
            paddingLeft: () => 0,
            paddingTop: () => 2,
            paddingBottom: () => 2,
          },
        };
    }
  });
}

function runNode(run: Run): Node {
  // A long token with no break (a hash, a URL) gets zero-width break opportunities, so it cannot widen a column.
  run = { ...run, text: run.text.replace(/(\S{24})(?=\S)/g, '$1\u200b') };
  switch (run.style) {
    case 'muted':
      return { text: run.text, color: MUTED };
    case 'strong':
      return { text: run.text, bold: true };
    case 'flag':
      return { text: run.text, bold: true, color: FLAG, fontSize: 7.5, characterSpacing: 0.4 };
    case 'link':
      return { text: run.text, color: ACCENT, decoration: 'underline', ...(run.href ? { link: run.href } : {}) };
    default:
      return { text: run.text };
  }
}

function thinLines(headFill?: string): Node {
  return {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    hLineColor: () => RULE,
    vLineColor: () => RULE,
    fillColor: (row: number) => (headFill && row === 0 ? headFill : null),
    paddingLeft: () => 4,
    paddingRight: () => 4,
    paddingTop: () => 3,
    paddingBottom: () => 3,
  };
}

function openItemNodes(tree: ExportTree): Node[] {
  if (!tree.draft) return [];
  const rows = tree.openItems.map((o) => [
    { text: o.number, bold: true, color: MUTED },
    { text: o.label, bold: true },
    { text: o.reason },
  ]);
  const head = ['No.', 'Item', 'What is missing or wrong'].map((t) => ({
    text: t.toUpperCase(),
    fontSize: 6.5,
    bold: true,
    color: MUTED,
  }));
  return [
    heading('Open items'),
    { text: 'This export is a draft until these are resolved.', margin: [0, 0, 0, 4] },
    ...(rows.length
      ? [{ table: { headerRows: 1, widths: [34, 130, '*'], body: [head, ...rows] }, layout: thinLines('#eef1f5') }]
      : []),
    ...(tree.elsewhere
      ? [
          {
            text: `${tree.elsewhere} ${tree.elsewhere === 1 ? 'error is' : 'errors are'} in parts of the documentation file that this export does not include; the provider sees them with gpai-docs check.`,
            margin: [0, 4, 0, 0],
          },
        ]
      : []),
  ];
}

function provenanceNodes(tree: ExportTree): Node[] {
  return [
    heading('About this document'),
    { text: tree.catalogue, color: MUTED },
    ...(tree.unconfirmed?.length
      ? [
          {
            text: 'Not yet confirmed in the final text, and to be read with care:',
            color: MUTED,
            margin: [0, 4, 0, 2],
          },
          { ul: tree.unconfirmed, color: MUTED },
        ]
      : tree.unconfirmed
        ? [{ text: 'Every label and recipient shown is confirmed in the final text.', color: MUTED }]
        : []),
    { text: tree.footer, color: MUTED, margin: [0, 8, 0, 0] },
  ];
}
