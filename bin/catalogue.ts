/** `gpai-docs catalogue`: the chapters, commitments, measures and form items, as JSON or text. */
import { catalogue } from '../server/src/engine';
import { InputError } from './files';
import { printData, printLines } from './output';

export function catalogueCommand(format: string): number {
  if (format !== 'json' && format !== 'text') throw new InputError(`--format must be json or text, not "${format}"`);
  const { chapters, formItems } = catalogueData();
  if (format === 'json') {
    const json = {
      chapters,
      measures: catalogue.measures.map((m) => ({ id: m.id, title: m.title })),
      formSections: catalogue.formSections,
      formItems,
      trainingContentSummary: { ...catalogue.summaryTemplate, items: catalogue.summaryTemplateItems },
      provisions: catalogue.provisions,
      keyDates: catalogue.keyDates,
    };
    printData(JSON.stringify(json, null, 2));
    return 0;
  }
  const lines: string[] = [];
  for (const c of chapters) {
    lines.push(`${c.title} (${c.id})`);
    for (const k of c.commitments) {
      lines.push(`  ${k.id}  ${k.title}`);
      for (const m of k.measures) lines.push(`    ${m.id}  ${m.title}`);
    }
  }
  lines.push('', 'Model Documentation Form');
  for (const i of formItems)
    lines.push(`  ${i.id}  ${i.label}${i.qualifier ? ` (${i.qualifier})` : ''}  [${i.recipients.join(', ')}]`);
  printLines(lines);
  return 0;
}

/** The chapters with their commitments and measures, and the form items, as the command prints them. */
function catalogueData() {
  const chapters = catalogue.chapters.map((c) => ({
    id: c.id,
    title: c.title,
    appliesTo: c.appliesTo,
    provisions: c.provisions,
    commitments: catalogue.commitmentsOf(c.id).map((k) => ({
      id: k.id,
      title: k.title,
      provisions: k.provisions,
      measures: catalogue.measuresOf(k.id).map((m) => ({
        id: m.id,
        title: m.title,
        summary: m.summary,
        provisions: m.provisions,
        appliesTo: m.appliesTo,
        confidence: m.confidence,
      })),
    })),
  }));
  const formItems = catalogue.formItems.map((i) => ({
    id: i.id,
    section: i.section,
    label: i.label,
    qualifier: i.qualifier,
    recipients: i.recipients,
    words: i.words,
    na: i.na,
    values: i.values,
    precision: i.precision,
    annex: i.annex,
    measure: i.measure,
    confidence: i.confidence,
  }));
  return { chapters, formItems };
}
