/**
 * YAML that does not parse, in plain words at the exact place: the parser's errors, duplicate keys, tabs,
 * several documents in one file, alias expansion beyond the cap, and a file that is not a mapping.
 */
import { isAlias, isMap, isScalar, isSeq, visit, type Node } from 'yaml';
import { jsValue, lineMatches, MAX_ALIAS_COUNT, type GpaiDocument } from '../document';
import { defineRule, type CodeInfo, type CodesOf, type Finding } from './types';

const plainWords: Record<string, string> = {
  BAD_INDENT:
    'The indentation here does not match the lines around it. Indent each key under its parent with the same number of spaces.',
  BAD_SCALAR_START: 'A value cannot start with this character unless it is quoted. Put the value in double quotes.',
  BLOCK_AS_IMPLICIT_KEY:
    'A value here is read as a new key. Put text containing ": " in double quotes, or move the nested keys onto their own indented lines.',
  MULTILINE_IMPLICIT_KEY:
    'A key must fit on one line and be followed by ":". Check the indentation of this line and the one before.',
  MISSING_CHAR: 'Something is not closed: a quote, a bracket or a key without its ":".',
  UNEXPECTED_TOKEN: 'This character is not expected here. Check for a stray character or a missing quote.',
  BAD_DQ_ESCAPE:
    'This backslash escape is not valid inside double quotes. Write \\\\ for a backslash, or use single quotes.',
  BLOCK_IN_FLOW:
    'A block (indented lines) cannot appear inside [ ] or { }. Write the list or mapping as indented lines instead.',
  KEY_OVER_1024_CHARS: 'This key is longer than YAML allows (1024 characters).',
  BAD_ALIAS: 'This alias (*name) is not valid.',
  MISSING_ANCHOR: 'This alias refers to an anchor (&name) that is not defined above it.',
  NON_STRING_KEY: 'Keys must be plain words, not lists or mappings.',
  TAG_RESOLVE_FAILED: 'This YAML tag is not supported. gpai-docs files use plain YAML without custom tags.',
  BAD_DIRECTIVE: 'This YAML directive is not valid.',
  MULTIPLE_ANCHORS: 'A node can have only one anchor.',
  MULTIPLE_TAGS: 'A node can have only one tag.',
  BAD_PROP_ORDER: 'Anchors and tags must come before the value.',
  BAD_COLLECTION_TYPE: 'This collection type does not match its tag.',
  ALIAS_PROPS: 'An alias cannot have its own anchor or tag.',
  RESOURCE_EXHAUSTION:
    'Lists or mappings are nested too deeply here to be read ("a: a: a: …", "[[[…" or ever deeper indentation, hundreds of levels). A .gpai.yaml file needs a few levels: look for text pasted many times over or a bracket left open.',
  IMPOSSIBLE: 'The parser met something it cannot read here.',
};

const codes = [
  { code: 'yaml.syntax', title: 'The YAML does not parse', severity: 'error' },
  { code: 'yaml.duplicate-key', title: 'A key appears twice in the same block', severity: 'error' },
  { code: 'yaml.tab-indentation', title: 'Tabs used for indentation', severity: 'error' },
  { code: 'yaml.multiple-documents', title: 'More than one YAML document in the file', severity: 'error' },
  { code: 'yaml.alias-limit', title: 'Aliases expand beyond the limit', severity: 'error' },
  { code: 'yaml.not-a-mapping', title: 'The file is not a mapping of keys', severity: 'error' },
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

export const yamlSyntax = defineRule({
  name: 'yamlSyntax',
  codes,
  check({ doc }) {
    const findings: Finding<Code>[] = [];
    const seen = new Set<string>();
    // Each problem is reported (a line of 150,000 quotes gives 75,000): the cap on findings per code
    // (caps.ts) lists the first hundred and counts the rest.
    for (const error of [...doc.yaml.errors, ...doc.yaml.warnings]) {
      const [start, end] = error.pos;
      const range = doc.lines.range(start, Math.max(end, start));
      const key = `${error.code}:${start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      switch (error.code) {
        case 'TAB_AS_INDENT':
          findings.push({
            code: 'yaml.tab-indentation',
            range,
            message:
              'YAML does not allow tabs for indentation. Replace the tab with spaces; the syntax errors it causes in the lines after it are not listed until then.',
          });
          break;
        case 'MULTIPLE_DOCS':
          findings.push({
            code: 'yaml.multiple-documents',
            range,
            message:
              'The file holds more than one YAML document (a second "---"). Keep one model\'s documentation per .gpai.yaml file; only the first document is checked.',
          });
          break;
        default:
          findings.push({
            code: 'yaml.syntax',
            range,
            message: plainWords[error.code] ?? `The YAML does not parse here: ${firstLine(error.message)}.`,
          });
      }
    }
    // A tab in the indentation throws every line after it out of its block: those lines' syntax errors are the
    // tab's doing, and the tab's own finding says so.
    const tabLine = Math.min(
      ...findings.filter((f) => f.code === 'yaml.tab-indentation').map((f) => f.range.start.line),
    );
    const shown = findings.filter((f) => f.code !== 'yaml.syntax' || f.range.start.line < tabLine);
    findings.length = 0;
    findings.push(...shown);
    for (const f of [...duplicateKeys(doc), ...unprintable(doc)]) findings.push(f);
    // A replacement character is a warning (the YAML reads): it does not hide the aliases or the file's shape.
    if (findings.every((f) => f.severity === 'warning')) findings.push(...aliasFindings(doc), ...shapeOfFile(doc));
    return findings;
  },
});

/**
 * What YAML does not allow in a file (outside its printable set): controls, lone surrogates, U+FFFE, U+FFFF;
 * and U+FFFD, which YAML allows but which stands for bytes that were not UTF-8 when the file was read. One
 * character, never a line break: searched line by line after an edit (lineMatches).
 */
const NOT_PRINTABLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffd\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * `yaml` reads NUL bytes and other controls as text: one finding per line that holds any (a binary file, a
 * paste from a terminal). The editor decodes bytes that are not UTF-8 as U+FFFD, silently: a warning says so.
 */
function unprintable(doc: GpaiDocument): Finding<Code>[] {
  const findings: Finding<Code>[] = [];
  let line = -1;
  for (const index of lineMatches(doc, NOT_PRINTABLE)) {
    const at = doc.lines.positionAt(index);
    if (at.line === line) continue;
    line = at.line;
    const range = doc.lines.range(index, index + 1);
    const code = doc.text.charCodeAt(index);
    if (code === 0xfffd) {
      findings.push({
        code: 'yaml.syntax',
        severity: 'warning',
        range,
        message:
          'This line holds U+FFFD, the replacement character (\ufffd): the file was not valid UTF-8 text where it was read, probably saved in another encoding (such as Latin-1 or Windows-1252), and the characters here were lost. Retype them and save the file as UTF-8.',
      });
      continue;
    }
    const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}${code === 0 ? ' (NUL)' : code >= 0xd800 && code <= 0xdfff ? ' (half of a surrogate pair)' : ''}`;
    findings.push({
      code: 'yaml.syntax',
      range,
      message: `This line holds the character ${name}, which YAML does not allow: the file may be binary or damaged, or text pasted with control characters. Delete the character.`,
    });
  }
  return findings;
}

const DUPLICATE =
  'This key is already written above in the same block; only one can count. Merge the two answers into one key.';

/**
 * Keys written twice in one mapping, in one pass over the tree with a set per mapping: `yaml`'s own check
 * (PARSE_OPTIONS leaves it off) compares each key with every key before it, which takes minutes on a
 * mapping of 100,000 keys.
 */
function duplicateKeys(doc: GpaiDocument): Finding<Code>[] {
  const found: Node[] = [];
  const stack: unknown[] = [doc.yaml.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key) && (pair.key as Node | null)?.range) found.push(pair.key as Node);
        seen.add(key);
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  found.sort((a, b) => a.range![0] - b.range![0]);
  return found.map((key) => ({
    code: 'yaml.duplicate-key',
    range: doc.lines.range(key.range![0], key.range![1]),
    message: DUPLICATE,
  }));
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/\.$/, '');
}

/** Expanding aliases could be exponential (a "billion laughs" file): past the cap, point at the first alias. */
function aliasFindings(doc: GpaiDocument): Finding<Code>[] {
  if (!('error' in jsValue(doc))) return [];
  let first: [number, number] | undefined;
  visit(doc.yaml, {
    Alias(_, node) {
      if (node.range) first = [node.range[0], node.range[1]];
      return visit.BREAK;
    },
  });
  const range = first ? doc.lines.range(first[0], first[1]) : doc.lines.range(0, 0);
  return [
    {
      code: 'yaml.alias-limit',
      range,
      message: `Aliases (*name) in this file expand to too much content (more than ${MAX_ALIAS_COUNT} expansions). Write the values out instead of repeating them through aliases.`,
    },
  ];
}

function shapeOfFile(doc: GpaiDocument): Finding<Code>[] {
  const contents = doc.yaml.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return []; // empty or comments only: reported as missing content
  if (isMap(contents) || isAlias(contents)) return [];
  const range = contents.range ? doc.lines.range(contents.range[0], contents.range[1]) : doc.lines.range(0, 0);
  return [
    {
      code: 'yaml.not-a-mapping',
      range,
      message:
        'A .gpai.yaml file is a mapping of keys (gpai:, document:, general_information: …), not a single value or a list.',
    },
  ];
}
