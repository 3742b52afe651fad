/**
 * The text of a new `.gpai.yaml` for a kind of model (systemic risk or not, open-source exemption,
 * modification of another model, establishment, signatory status): every key the model must answer, in the
 * form's order, empty, each with a placeholder comment saying what to write. Built from the key tree and the
 * applicability rules, so a new file starts with exactly the items the checks will ask for.
 */
import { Document } from 'yaml';
import type { TemplateOptions } from '../../../shared/types';
import {
  entry,
  FORMAT_VERSION,
  getChapter,
  formatKeys,
  getFormatEntry,
  getFormItem,
  itemLabel,
  KEYS,
  signatoryChapters,
  titleOf,
  type KeySpec,
  type PathSegment,
} from './catalogue';
import { notApplicable } from './applicability';
import { localDate } from './diagnostics';
import { parseGpai, type GpaiDocument } from './document';
import { keyWithComment } from './layout';
import { requirement } from './requirements';

const UNIT = 2;

/** The file's text; ends with a newline. */
export function newFileTemplate(options: TemplateOptions): string {
  const today = options.today ?? localDate(new Date());
  const probe = probeDocument(options);
  const exempt = options.openSourceExemption && options.systemicRisk === 'none';
  const exemption = KEYS.classification.open_source_exemption;
  const values: Record<string, string> = {
    [dotted(KEYS.gpai.path)]: String(FORMAT_VERSION),
    [dotted(KEYS.document.last_updated.path)]: today,
    [dotted(KEYS.classification.systemic_risk.path)]: options.systemicRisk,
    [dotted(exemption.claimed.path)]: 'true',
    [dotted(exemption.licence_kind.path)]: exempt ? 'free-and-open-source' : '',
    [dotted(KEYS.general_information.model_name.path)]: options.modelName ? quote(options.modelName) : '',
  };
  // Optional keys this kind of model answers all the same.
  const extra = new Set<string>([dotted(KEYS.training_content_summary.url.path)]);
  const c = KEYS.classification;
  if (options.systemicRisk === 'presumed')
    [c.threshold_date, c.notification_date].forEach((k) => extra.add(dotted(k.path)));
  if (options.systemicRisk === 'designated') extra.add(dotted(c.designation_date.path));
  if (options.modification) {
    values[dotted(c.provider_role.path)] = 'downstream-modifier';
    [
      c.provider_role,
      c.base_model_training_compute,
      c.modification_compute,
      c.modification,
      KEYS.general_information,
      KEYS.general_information.model_dependencies,
    ].forEach((k) => extra.add(dotted(k.path)));
  }
  if (options.establishment) {
    values[dotted(c.establishment.path)] = options.establishment;
    extra.add(dotted(c.establishment.path));
    // Art. 54(6): a model validly covered by the open-source exemption needs no representative.
    if (options.establishment === 'outside-union' && !exempt) extra.add(dotted(c.authorised_representative.path));
  }
  if (options.signatory) signatoryKeys(probe, options.signatory, values, extra);
  const lines = [
    `# Model documentation${options.modelName ? ` for ${oneLine(options.modelName)}` : ''}, in the .gpai.yaml format (gpai-docs).`,
    '# Every empty key is still to answer: the comment beside or above it says what to write. Hover a',
    '# key for what the Code of Practice asks and who receives it; the Problems panel lists what is missing.',
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
 * The signatory block: a key for each chapter that binds the model, `signed` for all, or left to answer with
 * the adequate alternative means when some or none are signed.
 */
function signatoryKeys(
  probe: GpaiDocument,
  signatory: 'all' | 'some-or-none',
  values: Record<string, string>,
  extra: Set<string>,
): void {
  const block = KEYS.classification.code_of_practice;
  extra.add(dotted(block.path));
  for (const chapter of signatoryChapters) {
    if (notApplicable(probe, getChapter(chapter.chapter)!.id)) continue;
    const path = dotted([...block.path, chapter.key]);
    extra.add(path);
    if (signatory === 'all') values[path] = 'signed';
  }
  if (signatory === 'some-or-none') extra.add(dotted(block.alternative_means.path));
}

/**
 * A document that answers the classification the way the options say, so that `requirement` decides
 * which keys apply: a fully stated exemption when claimed, a base model when modified.
 */
function probeDocument(options: TemplateOptions): GpaiDocument {
  const probe = new Document({});
  const set = (path: readonly PathSegment[], value: unknown) => probe.setIn(path, value);
  const exemption = KEYS.classification.open_source_exemption;
  set(KEYS.gpai.path, FORMAT_VERSION);
  set(KEYS.classification.systemic_risk.path, options.systemicRisk);
  if (options.openSourceExemption) {
    set(exemption.claimed.path, true);
    set(exemption.licence_kind.path, 'free-and-open-source');
    for (const key of [exemption.licence, exemption.weights, exemption.architecture, exemption.usage])
      set(key.path, 'https://x');
    set(exemption.monetised.path, false);
  } else {
    set(exemption.path, false);
  }
  const dependencies = KEYS.general_information.model_dependencies;
  if (options.modification) set(dependencies.path, [{ [dependencies.each.name.rel[0]]: 'x' }]);
  return parseGpai(String(probe));
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
  const here = dotted(path);
  const pad = ' '.repeat(depth * UNIT);
  const req = requirement(probe, spec, path);
  const isExemption = spec.type === 'flag-or-map';
  if (!extra.has(here) && (req.kind === 'not-applicable' || (req.kind === 'optional' && !isExemption))) return [];
  if (isExemption && !exempt)
    return keyWithComment(pad, `${spec.key}: false`, `${getFormatEntry(spec.id)?.title ?? spec.key}: not claimed`);
  if ((spec.type === 'map' || isExemption) && spec.children) {
    const children = spec.children.flatMap((c) => emit(probe, c, [...path, c.key], depth + 1, values, extra, exempt));
    return children.length ? [`${pad}${spec.key}:`, ...children] : [];
  }
  if (
    (spec.type === 'list' && spec.children) ||
    (spec.type === 'na-or-list' && extra.has(dotted(KEYS.classification.modification.path)))
  ) {
    const fields = (spec.children ?? []).filter((c) => !c.optional);
    const entryPad = ' '.repeat((depth + 1) * UNIT);
    return [
      ...keyWithComment(pad, `${spec.key}:`, hint(spec)),
      ...fields.flatMap((c, i) => {
        const lines = keyWithComment(`${entryPad}  `, `${c.key}:`, c.hint ?? '');
        // The entry's dash goes on its first key's line, below any comment wrapped over it.
        if (i === 0) lines[lines.length - 1] = `${entryPad}- ${lines[lines.length - 1]!.trimStart()}`;
        return lines;
      }),
    ];
  }
  const value = values[here];
  return value ? [`${pad}${spec.key}: ${value}`] : keyWithComment(pad, `${spec.key}:`, hint(spec));
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
  const e = entry(spec.id);
  // The header's fields have no number on the form.
  const what = item
    ? `${item.section ? `${item.number} ` : ''}${itemLabel(item)}`
    : (about?.replace(/\.$/, '') ?? (e ? titleOf(e) : undefined));
  return [what, kinds[spec.type]].filter(Boolean).join(': ');
}

function heading(spec: KeySpec): string {
  const e = entry(spec.id);
  if (e?.kind === 'form-section') return `Model Documentation Form, Section ${e.number}: ${e.title}`;
  return e ? titleOf(e) : spec.key;
}

/** A path as the key of `values` and `extra`: `classification.systemic_risk`. */
function dotted(path: readonly PathSegment[]): string {
  return path.join('.');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function quote(text: string): string {
  return JSON.stringify(oneLine(text));
}
