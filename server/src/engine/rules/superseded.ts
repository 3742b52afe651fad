/**
 * Values an earlier version of the form offered and the final form does not (the "Other" box of 6.2 Data
 * provenance): a file written before keeps working, and this rule says what the final form asks instead.
 * Nothing is reinterpreted silently: the only fix removes the value once the sibling key that names what it
 * stood for is written.
 */
import { isSeq, type Node } from 'yaml';
import { getValueSet, named, type SupersededOption } from '../catalogue';
import type { Answer, FileModel } from '../model';
import { excerpt } from './common';
import { defineRule, type CodeInfo, type CodesOf, type Finding } from './types';

const codes = [
  {
    code: 'format.superseded-value',
    title: 'A value the final form no longer offers',
    severity: 'warning',
    fixable: true,
  },
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

export const superseded = defineRule({
  name: 'superseded',
  codes,
  check({ model }) {
    const findings: Finding<Code>[] = [];
    for (const v of model.all) {
      if (!v.spec.values || !getValueSet(v.spec.values).superseded?.length) continue;
      const option = v.fact(supersededOption);
      if (option) findings.push(finding(model, v, option));
    }
    return findings;
  },
});

/** The superseded value the answer holds, if it holds one. */
function supersededOption(v: Answer): SupersededOption | undefined {
  const written = v.text?.trim().toLowerCase();
  const options = getValueSet(v.spec.values!).superseded;
  return written ? options?.find((o) => o.value.toLowerCase() === written) : undefined;
}

function finding(model: FileModel, v: Answer, option: SupersededOption): Finding<Code> {
  const inList = typeof v.path[v.path.length - 1] === 'number';
  const owner = inList ? v.path.slice(0, -1) : v.path;
  const namedIn = option.namedIn ? [...owner.slice(0, -1), option.namedIn] : undefined;
  const removable = inList && namedIn !== undefined && model.written(namedIn) ? entryLine(model, v) : undefined;
  return {
    code: 'format.superseded-value',
    range: v.range,
    id: v.spec.id,
    ...(removable
      ? {
          fix: {
            kind: 'delete-range',
            range: removable,
            title: `Remove "${option.value}": \`${option.namedIn}\` names the source`,
          },
        }
      : {}),
    message: `"${excerpt(v.text ?? '')}" (${option.label}) is not among the values of ${named(v.spec.id)} in the final form. ${option.instead}`,
  };
}

/**
 * The whole line of a list entry written alone on it (`    - other`), with its line break: removing it
 * leaves the list as it was otherwise. None for a flow list (`[a, other]`) or a line that holds a comment.
 */
function entryLine(model: FileModel, v: Answer) {
  const { doc } = model;
  const list = model.nodeAt(v.path.slice(0, -1));
  const node = v.node as Node | undefined;
  if (!isSeq(list) || list.flow || !node?.range) return undefined;
  const start = doc.lines.range(node.range[0], node.range[0]).start;
  const next = doc.lines.starts[start.line + 1];
  if (next === undefined) return undefined; // the last line, without a line break to remove with it
  if (!/^[ \t]*-[ \t]+[^#\n]*?\s*$/.test(doc.text.slice(doc.lines.starts[start.line], next))) return undefined;
  return { start: { line: start.line, character: 0 }, end: { line: start.line + 1, character: 0 } };
}
