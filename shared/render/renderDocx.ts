/**
 * An export as a Word document (DOCX, with the `docx` library; no template file, nothing read): the export
 * tree as headings, tables and paragraphs. The page header carries the running header and, on a draft,
 * DRAFT on every page; the footer the page number. Table rows may break across pages; header rows repeat.
 * Word hyphenates the text itself (automatic hyphenation is switched on).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, ExportTree, Part, Row, Run } from './exportDocument';

const MUTED = '555B66';
const FLAG = 'A3162B';
const ACCENT = '1D3F8F';
/** A4 width less 2 × 2 cm margins, in twentieths of a point. */
const TEXT_WIDTH = 11906 - 2 * 1134;

export async function renderDocx(tree: ExportTree): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(docxDocument(tree));
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** The document, before packing: pure over the tree. */
export function docxDocument(tree: ExportTree): Document {
  return new Document({
    creator: 'gpai-docs',
    title: `${tree.title} — ${tree.subtitle}`,
    description: tree.runningHeader,
    hyphenation: { autoHyphenation: true },
    styles: { default: { document: { run: { font: 'Calibri', size: 19 } } } },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1000, left: 1134, right: 1134 } },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
                children: [
                  new TextRun({ text: tree.runningHeader, size: 14, color: MUTED }),
                  ...(tree.draft ? [new TextRun({ text: '\tDRAFT', bold: true, size: 20, color: FLAG })] : []),
                ],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({
                    children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
                    size: 14,
                    color: MUTED,
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          ...titleBlocks(tree),
          ...tree.parts.flatMap(partBlocks),
          ...openItemBlocks(tree),
          ...provenanceBlocks(tree),
        ],
      },
    ],
  });
}

type Child = Paragraph | Table;

function titleBlocks(tree: ExportTree): Child[] {
  return [
    new Paragraph({ children: [new TextRun({ text: tree.kicker.toUpperCase(), size: 14, color: MUTED })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: tree.title })] }),
    ...(tree.subtitle
      ? [new Paragraph({ children: [new TextRun({ text: tree.subtitle, size: 24, color: MUTED })] })]
      : []),
    table(
      [2400, TEXT_WIDTH - 2400],
      tree.meta.map(([k, v]) => [[text(k, { color: MUTED, size: 15 })], [text(v, { bold: true })]]),
      false,
    ),
    ...(tree.draft
      ? [
          new Paragraph({
            spacing: { before: 160, after: 160 },
            border: box(FLAG),
            children: [
              new TextRun({ text: 'DRAFT  ', bold: true, color: FLAG }),
              new TextRun({ text: tree.draft, color: FLAG }),
            ],
          }),
        ]
      : []),
  ];
}

function heading(title: string, level: 1 | 2 = 1): Paragraph {
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    keepNext: true,
    children: [new TextRun({ text: title })],
  });
}

function partBlocks(part: Part): Child[] {
  const intro = blockParagraphs(part.intro);
  if (part.layout === 'list') return [heading(part.heading), ...intro, ...part.rows.flatMap(listRow)];
  const widths = [720, 2300, TEXT_WIDTH - 720 - 2300 - 3 * 650, 650, 650, 650];
  const head = ['No.', 'Item', 'Information', 'AIO', 'NCAs', 'DPs'].map((t) => [
    text(t.toUpperCase(), { bold: true, size: 14, color: MUTED }),
  ]);
  return [heading(part.heading), ...intro, table(widths, [head, ...part.rows.map(formRow)], true)];
}

function formRow(row: Row): Child[][] {
  return [
    [text(row.number, { bold: true, color: MUTED })],
    [text(row.label, { bold: true })],
    blockParagraphs(row.blocks),
    ...(row.ticks ?? [false, false, false]).map((t) => [text(t ? '✓' : '', { bold: true, color: ACCENT })]),
  ];
}

function listRow(row: Row): Child[] {
  const title = new Paragraph({
    heading: HeadingLevel.HEADING_2,
    keepNext: true,
    children: [
      ...(row.number ? [new TextRun({ text: `${row.number}  `, color: ACCENT })] : []),
      new TextRun({ text: row.label }),
    ],
  });
  return [title, ...blockParagraphs(row.blocks)];
}

function blockParagraphs(blocks: readonly Block[], level = 0): Child[] {
  return blocks.flatMap((b): Child[] => {
    switch (b.kind) {
      case 'para':
        return [new Paragraph({ children: b.runs.map(runOf), ...(level ? { indent: { left: 280 * level } } : {}) })];
      case 'list':
        return b.items.flatMap((item) => {
          const [first, ...rest] = item;
          const bullet =
            first?.kind === 'para'
              ? [new Paragraph({ bullet: { level }, children: first.runs.map(runOf) })]
              : blockParagraphs(first ? [first] : [], level + 1);
          return [...bullet, ...blockParagraphs(rest, level + 1)];
        });
      case 'fields':
        return [
          // Named values fill the cell or the page they stand in: a third for the names.
          table(
            [1600, 3200],
            b.fields.map((f) => [[text(f.label, { bold: true, color: MUTED })], blockParagraphs(f.blocks)]),
            false,
            true,
          ),
        ];
    }
  });
}

function runOf(run: Run): TextRun | ExternalHyperlink {
  switch (run.style) {
    case 'muted':
      return new TextRun({ text: run.text, color: MUTED });
    case 'strong':
      return new TextRun({ text: run.text, bold: true });
    case 'flag':
      return new TextRun({ text: run.text, bold: true, color: FLAG, size: 16 });
    case 'link':
      return run.href
        ? new ExternalHyperlink({
            link: run.href,
            children: [new TextRun({ text: run.text, color: ACCENT, underline: {} })],
          })
        : new TextRun({ text: run.text });
    default:
      return new TextRun({ text: run.text });
  }
}

function text(value: string, style: { bold?: boolean; color?: string; size?: number } = {}): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: value, ...style })] });
}

function table(widths: number[], rows: Child[][][], header: boolean, fill = false): Table {
  return new Table({
    width: fill
      ? { size: 100, type: WidthType.PERCENTAGE }
      : { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.map(
      (cells, i) =>
        new TableRow({
          tableHeader: header && i === 0,
          cantSplit: false,
          children: cells.map(
            (children, c) =>
              new TableCell({
                width: fill
                  ? {
                      size: Math.round((100 * widths[c]) / widths.reduce((a, b) => a + b, 0)),
                      type: WidthType.PERCENTAGE,
                    }
                  : { size: widths[c], type: WidthType.DXA },
                // A cell ends with a paragraph (Word's rule), also after a table inside it.
                children:
                  children.length && !(children[children.length - 1] instanceof Table)
                    ? children
                    : [...children, new Paragraph('')],
                ...(header && i === 0 ? { shading: { type: ShadingType.CLEAR, fill: 'EEF1F5', color: 'auto' } } : {}),
              }),
          ),
        }),
    ),
  });
}

function box(color: string) {
  const side = { style: BorderStyle.SINGLE, size: 12, color, space: 4 };
  return { top: side, bottom: side, left: side, right: side };
}

function openItemBlocks(tree: ExportTree): Child[] {
  if (!tree.draft) return [];
  const head = ['No.', 'Item', 'What is missing or wrong'].map((t) => [
    text(t.toUpperCase(), { bold: true, size: 14, color: MUTED }),
  ]);
  const rows = tree.openItems.map((o) => [
    [text(o.number, { bold: true, color: MUTED })],
    [text(o.label, { bold: true })],
    [text(o.reason)],
  ]);
  return [
    heading('Open items'),
    text('This export is a draft until these are resolved.'),
    ...(rows.length ? [table([900, 2800, TEXT_WIDTH - 3700], [head, ...rows], true)] : []),
    ...(tree.elsewhere
      ? [
          text(
            `${tree.elsewhere} ${tree.elsewhere === 1 ? 'error is' : 'errors are'} in parts of the documentation file that this export does not include; the provider sees them with gpai-docs check.`,
          ),
        ]
      : []),
  ];
}

function provenanceBlocks(tree: ExportTree): Child[] {
  return [
    heading('About this document'),
    text(tree.catalogue, { color: MUTED }),
    ...(tree.unconfirmed?.length
      ? [
          text('Not yet confirmed in the final text, and to be read with care:', { color: MUTED }),
          ...tree.unconfirmed.map(
            (n) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: n, color: MUTED })] }),
          ),
        ]
      : tree.unconfirmed
        ? [text('Every label and recipient shown is confirmed in the final text.', { color: MUTED })]
        : []),
    text(tree.footer, { color: MUTED }),
  ];
}
