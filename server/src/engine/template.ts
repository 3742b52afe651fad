/**
 * The text of a new `.gpai.yaml` for a kind of model (systemic risk or not, open-source exemption,
 * modification of another model): every key the model must answer, in the form's order, empty, each with
 * a placeholder comment saying what to write. Built from the key tree and the applicability rules, so a
 * new file starts with exactly the items the checks will ask for.
 */
import type { TemplateOptions } from '../../../shared/types';
import {
  FORMAT_VERSION,
  formatKeys,
  getEntry,
  getFormatEntry,
  getFormSection,
  itemLabel,
  getFormItem,
  type KeySpec,
  type PathSegment,
} from './catalogue';
import { parseGpai, type GpaiDocument } from './document';
import { requirement } from './requirements';

const UNIT = 2;

/** The file's text; ends with a newline. */
export function newFileTemplate(options: TemplateOptions): string {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const probe = probeDocument(options);
  const exempt = options.openSourceExemption && options.systemicRisk === 'none';
  const values: Record<string, string> = {
    gpai: String(FORMAT_VERSION),
    'document.last_updated': today,
    'classification.systemic_risk': options.systemicRisk,
    'classification.open_source_exemption.claimed': 'true',
    'classification.open_source_exemption.licence_kind': exempt ? 'free-and-open-source' : '',
    'general_information.model_name': options.modelName ? quote(options.modelName) : '',
  };
  // Optional keys this kind of model answers all the same.
  const extra = new Set<string>(['training_content_summary.url']);
  if (options.systemicRisk === 'presumed') extra.add('classification.notification_date');
  if (options.systemicRisk === 'designated') extra.add('classification.designation_date');
  if (options.modification)
    ['classification.modification', 'general_information', 'general_information.model_dependencies'].forEach((k) =>
      extra.add(k),
    );
  const lines = [
    `# Model documentation${options.modelName ? ` for ${oneLine(options.modelName)}` : ''}, in the .gpai.yaml format (gpai-docs).`,
    '# Every empty key is still to answer: the comment after it says what to write. Hover a key for what the',
    '# Code of Practice asks and who receives it; the Problems panel lists what is missing.',
  ];
  for (const spec of formatKeys) {
    const body = emit(probe, spec, [spec.key], 0, values, extra, exempt);
    if (!body.length) continue;
    if (spec.type === 'map') lines.push('', `# ${heading(spec)}`);
    lines.push(...body);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A document that answers the classification the way the options say, so that `requirement` decides
 * which keys apply: a fully stated exemption when claimed, a base model when modified.
 */
function probeDocument(options: TemplateOptions): GpaiDocument {
  const exemption = options.openSourceExemption
    ? '\n  open_source_exemption:\n    claimed: true\n    licence: x\n    licence_kind: free-and-open-source\n    weights: https://x\n    architecture: https://x\n    usage: https://x'
    : '\n  open_source_exemption: false';
  const dependencies = options.modification ? '\ngeneral_information:\n  model_dependencies:\n    - name: x' : '';
  return parseGpai(
    `gpai: ${FORMAT_VERSION}\nclassification:\n  systemic_risk: ${options.systemicRisk}${exemption}${dependencies}\n`,
  );
}

function emit(
  probe: GpaiDocument,
  spec: KeySpec,
  path: readonly PathSegment[],
  depth: number,
  values: Record<string, string>,
  extra: ReadonlySet<string>,
  exempt: boolean,
): string[] {
  const dotted = path.join('.');
  const pad = ' '.repeat(depth * UNIT);
  const req = requirement(probe, spec, path);
  const isExemption = dotted === 'classification.open_source_exemption';
  if (!extra.has(dotted) && (req.kind === 'not-applicable' || (req.kind === 'optional' && !isExemption))) return [];
  if (isExemption && !exempt)
    return [`${pad}${spec.key}: false${comment(`${getFormatEntry(spec.id)?.title ?? spec.key}: not claimed`)}`];
  if ((spec.type === 'map' || isExemption) && spec.children) {
    const children = spec.children.flatMap((c) => emit(probe, c, [...path, c.key], depth + 1, values, extra, exempt));
    return children.length ? [`${pad}${spec.key}:`, ...children] : [];
  }
  if (
    (spec.type === 'list' && spec.children) ||
    (spec.type === 'na-or-list' && extra.has('classification.modification'))
  ) {
    const fields = (spec.children ?? []).filter((c) => !c.optional);
    const entryPad = ' '.repeat((depth + 1) * UNIT);
    return [
      `${pad}${spec.key}:${comment(hint(spec))}`,
      ...fields.map((c, i) => `${entryPad}${i === 0 ? '- ' : '  '}${c.key}:${comment(c.hint ?? '')}`),
    ];
  }
  const value = values[dotted];
  return [`${pad}${spec.key}:${value ? ` ${value}` : ''}${value ? '' : comment(hint(spec))}`];
}

/** What to write for a key: its own hint, else the catalogue entry's label. */
function hint(spec: KeySpec): string {
  if (spec.hint) return spec.hint;
  const kinds: Partial<Record<KeySpec['type'], string>> = {
    list: 'a list',
    'enum-list': 'a list of values (completion offers them)',
    'keyed-map': 'one entry per value (completion offers them)',
    date: 'YYYY-MM-DD',
    month: 'YYYY-MM',
    boolean: 'true or false',
    url: 'https link',
    'na-or-list': 'N/A, or a list',
  };
  const item = getFormItem(spec.id);
  // The first sentence; "Art. 53(2)" does not end one.
  const about = getFormatEntry(spec.id)?.about.replace(/(?<!\b(?:Art|Annex|e\.g|i\.e))\.\s+[A-Z(].*$/s, '.');
  const what = item ? `${item.number} ${itemLabel(item)}` : (about ?? getEntry(spec.id)?.title);
  return [what, kinds[spec.type]].filter(Boolean).join(': ');
}

function heading(spec: KeySpec): string {
  const section = getFormSection(spec.id);
  if (section) return `Model Documentation Form, Section ${section.number}: ${section.title}`;
  return getEntry(spec.id)?.title ?? spec.key;
}

function comment(text: string): string {
  return text ? `  # ${oneLine(text)}` : '';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function quote(text: string): string {
  return JSON.stringify(oneLine(text));
}
