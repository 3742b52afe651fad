/**
 * Plain-words explanations of catalogue entries and diagnostic codes, as Markdown: what a measure asks,
 * what a form item wants and who receives it, what a code means. The CLI's `explain` and the hovers use it.
 */
import {
  ref,
  annexPoints,
  audienceLabels,
  chapters,
  cite,
  commitmentsOf,
  confidenceLabels,
  entry,
  getChapter,
  getCommitment,
  getMeasure,
  getProvision,
  getValueSet,
  itemLabel,
  measuresOf,
  named,
  type Confidence,
  type Entry,
  type FormItem,
  type Measure,
} from './catalogue';
import { citationFor } from './citation';
import { DOCS_BASE } from './diagnostics';
import { allCodes, getCodeInfo } from './rules';

export interface Explanation {
  readonly title: string;
  readonly markdown: string;
}

const applies: Record<string, string> = {
  all: 'every provider, open-source models included',
  'not-open-source-exempt':
    'every provider, except models validly covered by the open-source exemption (AI Act Art. 53(2))',
  'systemic-risk': 'providers of models with systemic risk only',
};

export function explain(query: string): Explanation | undefined {
  const q = query.trim();
  const code = getCodeInfo(q);
  if (code) {
    return {
      title: `${code.code}: ${code.title}`,
      markdown: `**${code.code}**: ${code.title}.\n\nDefault severity: ${code.severity}${code.fixable ? '; a quick-fix is offered' : ''}.\n\nWhat triggers it, why the Code asks and how to fix it: ${DOCS_BASE}diagnostics.md#${code.code}`,
    };
  }
  const found = entry(q) ?? getProvision(q.replace(/^AI Act\s+/i, ''));
  if (found) return explainEntry(found);
  const annex = annexPoints[q.replace(/^Annex\s+/i, '')];
  if (annex)
    return {
      title: `Annex ${q.replace(/^Annex\s+/i, '')}`,
      markdown: `**Annex ${q.replace(/^Annex\s+/i, '')}**: ${annex}`,
    };
  return undefined;
}

/** What a catalogue entry is, in plain words, as Markdown. */
export function explainEntry(e: Entry): Explanation | undefined {
  switch (e.kind) {
    case 'measure':
      return explainMeasure(e);
    case 'commitment': {
      const list = measuresOf(e.id)
        .map((m) => `- ${m.id} “${m.title}”`)
        .join('\n');
      return {
        title: `${cite(e.id)}: ${e.title}`,
        markdown: `**${cite(e.id)} “${e.title}”**\n\n${e.summary}\n\n${list}\n\n${cites(e.provisions)}${confidenceNote('title', e.confidence.title)}`,
      };
    }
    case 'chapter': {
      const list = commitmentsOf(e.id)
        .map((c) => `- ${c.id} “${c.title}” (${measuresOf(c.id).length} measures)`)
        .join('\n');
      return {
        title: `${e.title} chapter`,
        markdown: `**${e.title} chapter**\n\n${e.summary}\n\nApplies to: ${e.appliesToText}\n\n${list}\n\n${cites(e.provisions)}`,
      };
    }
    case 'form-item':
      return explainItem(e);
    case 'summary-item':
      return {
        title: `Training-content summary ${e.number}: ${e.label}`,
        markdown: `**Public summary of training content, ${e.number} “${e.label}”**\n\n${e.whatToGive}${e.optional ? ' (optional)' : ''}\n\n${cites(['Art. 53(1)(d)'])}${confidenceNote('item', e.confidence)}`,
      };
    case 'format':
      return { title: e.title, markdown: `**${e.title}**\n\n${e.about}\n\n${cites(e.provisions)}` };
    case 'provision':
      return { title: e.cite, markdown: `**${e.cite}**: ${e.summary}` };
    case 'form-section':
    case 'summary-section':
      return undefined;
  }
}

/** Ids and codes close to a query, for "did you mean". */
export function suggestions(query: string): string[] {
  const q = query.toLowerCase();
  const ids = [
    ...chapters.map((c) => c.id),
    ...chapters.flatMap((c) => commitmentsOf(c.id)).flatMap((c) => [c.id, ...measuresOf(c.id).map((m) => m.id)]),
    ...allCodes.map((c) => c.code),
  ];
  const tail = q.replace(/^.*\//, '');
  return ids.filter((id) => id.toLowerCase().includes(q) || (tail && id.endsWith(`/${tail}`))).slice(0, 8);
}

export function explainMeasure(measure: Measure): Explanation {
  const chapter = getChapter(measure.chapter)!;
  const details = measure.details?.length ? `\n\n${measure.details.map((d) => `- ${d}`).join('\n')}` : '';
  return {
    title: `${cite(measure.id)}: ${measure.title}`,
    markdown: `**${chapter.title} Measure ${measure.number} “${measure.title}”** (\`${measure.id}\`)\n\n${measure.summary}${details}\n\nApplies to ${applies[measure.appliesTo]}. Part of ${cite(measure.commitment)} “${getCommitment(measure.commitment)!.title}”.\n\n${cites(measure.provisions)}${confidenceNote('title', measure.confidence.title)}${confidenceNote('content', measure.confidence.content)}`,
  };
}

export function explainItem(item: FormItem): Explanation {
  const recipients = (['ai-office', 'nca', 'downstream'] as const)
    .map((a) => `${item.recipients.includes(a) ? '✓' : '–'} ${audienceLabels[a].long}`)
    .join(' · ');
  const lines = [
    `**${ref(item.id)} “${itemLabel(item)}”** (\`${item.id}\`), Model Documentation Form${item.section ? `, Section ${item.section}` : ', header'}`,
    item.whatToWrite,
    `Recipients: ${recipients}${confidenceSuffix(item.confidence.audiences)}`,
  ];
  if (item.words)
    lines.push(
      `Recommended length: ${item.words.upTo ? 'up to ' : item.words.approx ? 'about ' : ''}${item.words.count} words${confidenceSuffix(item.confidence.words)}`,
    );
  if (item.na.allowed)
    lines.push(
      `"${(item.na.words ?? ['N/A'])[0]}" allowed: ${item.na.when ?? ''}${item.na.reasonIn ? ` Say which in ${named(item.na.reasonIn)}.` : item.na.reasonRequired ? ' Give the reason.' : ''}${confidenceSuffix(item.confidence.na)}`,
    );
  else if (item.na.mayBeEmpty) lines.push(`May stay empty${item.na.when ? `: ${item.na.when}` : '.'}`);
  else lines.push('"N/A" is not an answer here.');
  if (item.values)
    lines.push(
      `Values: ${getValueSet(item.values)
        .options.map((o) => `\`${o.value}\``)
        .join(', ')}${confidenceSuffix(item.confidence.values)}`,
    );
  if (item.precision?.kind === 'significant-figures')
    lines.push(
      `Precision: at least ${item.precision.min} significant figure${item.precision.min > 1 ? 's' : ''}, in ${item.precision.unit}${confidenceSuffix(item.confidence.precision)}`,
    );
  if (item.precision?.kind === 'order-of-magnitude')
    lines.push(`Precision: order of magnitude only, in ${item.precision.unit}`);
  if (item.derivedFrom)
    lines.push(`Derived by gpai-docs from form ${item.derivedFrom.slice(5)} when you leave it out.`);
  const annex = item.annex.map((a) => `Annex ${a}: ${annexPoints[a] ?? ''}`);
  if (annex.length) lines.push(`AI Act ${annex.join(' · ')}`);
  const measure = getMeasure(item.measure)!;
  lines.push(`Serves ${cite(measure.id)} “${measure.title}”: ${measure.summary}`);
  lines.push(`Citation: ${citationFor(item.id).text}${confidenceNote('item', item.confidence.label)}`);
  if (item.confidence.source) lines.push(`Confirmed against the ${item.confidence.source}.`);
  return { title: `${ref(item.id)}: ${itemLabel(item)}`, markdown: lines.join('\n\n') };
}

function cites(provisions: readonly string[]): string {
  return provisions
    .map((p) => {
      const found = getProvision(p);
      return found ? `- ${found.cite}: ${found.summary}` : `- ${p}`;
    })
    .join('\n');
}

function confidenceSuffix(c: Confidence | undefined): string {
  switch (c) {
    case 'draft-only':
      return ' (known only from the third draft; final unverified)';
    case 'machine-read':
      return ' (read by machine from the official form; check by hand)';
    case 'secondary':
      return ' (from secondary sources; not yet confirmed against the official form)';
    case 'unverified':
      return ' (not verified)';
    default:
      return '';
  }
}

function confidenceNote(what: string, c: Confidence): string {
  return c === 'final' ? '' : `\n\n_Note: the ${what} is ${confidenceLabels[c]}._`;
}
