/**
 * Reading values as written: numbers with their significant figures and unit, "N/A" answers and their
 * reasons, placeholders left in, dates and links. Pure string functions; the rules decide what to report.
 */

export interface Quantity {
  /** The number, as a float (may be Infinity for absurdly long digit strings). */
  readonly value: number;
  /** The number's own text, e.g. `1.0e25`, `7.3×10^10`. */
  readonly numberText: string;
  /** Significant figures of the text as written: `1e25` has 1, `1.0e25` has 2, `73000` has 2. */
  readonly significantFigures: number;
  /** What follows the number, trimmed: `MWh`, `tokens`, `Nvidia H100-days`; empty when none. */
  readonly unit: string;
}

// mantissa, then an optional exponent in e-notation or ×10^n / x10^n / *10^n / ·10^n.
const NUMBER =
  /^\s*([-+]?(?:\d[\d,_\u00a0\u202f]*(?:\.\d*)?|\.\d+))(?:\s*(?:[eE]([-+]?\d+)|\s*[×xX*·]\s*10\s*(?:\^|\*\*)\s*\(?([-+−]?\d+)\)?|\s*[×xX*·]\s*10([⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)))?/;
const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Read a quantity like `2.4e25`, `2.4e25 FLOP`, `7.3×10^10`, `1.0e2 MWh`, `73,000,000,000`. */
export function parseQuantity(text: string): Quantity | undefined {
  const m = NUMBER.exec(text);
  if (!m) return undefined;
  const mantissa = m[1].replace(/[,_\u00a0\u202f]/g, '');
  if (!/\d/.test(mantissa)) return undefined;
  let exponent = 0;
  if (m[2] !== undefined) exponent = Number(m[2]);
  else if (m[3] !== undefined) exponent = Number(m[3].replace('−', '-'));
  else if (m[4] !== undefined)
    exponent = Number([...m[4]].map((ch) => (ch === '⁻' ? '-' : String(SUPERSCRIPTS.indexOf(ch)))).join(''));
  const value = Number(mantissa) * Math.pow(10, exponent);
  const numberText = m[0].trim();
  const rest = text.slice(m[0].length);
  // "2.4e25FLOP" is fine; "12abc" with no space is not a number followed by a unit we can trust.
  if (rest && !/^[\s\u00a0]/.test(rest) && /^[0-9.]/.test(rest)) return undefined;
  return { value, numberText, significantFigures: significantFigures(mantissa), unit: rest.trim() };
}

/** Significant figures of a mantissa as written. Trailing zeros of an integer without a point do not count. */
export function significantFigures(mantissa: string): number {
  const digits = mantissa.replace(/^[-+]/, '');
  const hasPoint = digits.includes('.');
  const all = digits.replace('.', '');
  const leadingStripped = all.replace(/^0+/, '');
  if (!leadingStripped) return hasPoint ? Math.max(1, all.length - 1) : 1; // "0", "0.0"
  if (hasPoint) return leadingStripped.length;
  return Math.max(1, leadingStripped.replace(/0+$/, '').length);
}

/** `10^floor(log10(x))`: the order of magnitude the national authorities receive. */
export function orderOfMagnitude(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return NaN;
  return Math.pow(10, Math.floor(Math.log10(value) + 1e-12));
}

/** Round to n significant figures. */
export function roundToSignificant(value: number, figures: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(figures));
}

/** Format a number in the form's style: `7.3e10`, `1.0e2`, with at least `figures` significant figures. */
export function formatScientific(value: number, figures = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const [m, e] = value.toExponential(Math.max(0, figures - 1)).split('e');
  return `${m}e${Number(e)}`;
}

export interface NotApplicable {
  /** The words used: `N/A`, `none exists`… */
  readonly words: string;
  /** The reason given after them, if any. */
  readonly reason: string;
}

const NA = /^\s*(n\/a|n\.a\.|not applicable|none exists|none)\b\s*[:(–—-]?\s*(.*?)\s*\)?\s*$/is;

/**
 * Read an "N/A" answer: `N/A`, `N/A (reason)`, `N/A - reason`, `"N/A: reason"`, `none exists`. `none` and
 * `none exists` count only alone or followed by a separator, so that "None of the layers…" stays an answer.
 */
export function parseNotApplicable(text: string): NotApplicable | undefined {
  const m = NA.exec(text);
  if (!m) return undefined;
  const na = { words: m[1], reason: m[2].trim() };
  if (!/^none/i.test(na.words) || !na.reason) return na;
  const after = text.trimStart().slice(na.words.length);
  return /^\s*[:(–—,.;-]/.test(after) ? na : undefined;
}

export interface Placeholder {
  /** What was found, e.g. `TODO`, `lorem ipsum`, `<fill in>`. */
  readonly marker: string;
}

const PLACEHOLDERS: readonly RegExp[] = [
  // Written in capitals anywhere ("TODO: ..."), or in any case as the whole answer ("tbd").
  /\b(TODO|TBD|TBC|FIXME|XXX+)\b/,
  /^\s*(todo|tbd|tbc|fixme|xxx+)\s*[.:!-]?\s*$/i,
  /\b(lorem ipsum)\b/i,
  // <fill in>, <describe the architecture>: words between angle brackets, not a comparison ("a < b > c"), an
  // autolink (<https://…>, <a@b.example>) or markup.
  /(<[A-Za-z][A-Za-z ,.'’-]{0,58}[A-Za-z.]>)/,
  /(\[(?:…|\.\.\.)\])/, // [...], the mark of text left out
  /(\?{3,})/,
  /^\s*(\.\.\.|…)\s*$/,
];

/** A marker showing the answer is not written yet, if any. Empty answers are reported elsewhere. */
export function findPlaceholder(text: string): Placeholder | undefined {
  for (const re of PLACEHOLDERS) {
    const m = re.exec(text);
    if (m) {
      // `<` in a mathematical sense ("<1 month") is not a placeholder.
      if (m[1].startsWith('<') && /^<\s*\d/.test(m[1])) continue;
      return { marker: m[1] };
    }
  }
  return undefined;
}

export interface IsoDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly iso: string;
}

/** Read a real calendar date written as YYYY-MM-DD; `undefined` for any other text or an impossible date. */
export function parseIsoDate(text: string): IsoDate | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return { year, month, day, iso: `${m[1]}-${m[2]}-${m[3]}` };
}

/** Read a month written YYYY-MM (or the template's MM/YYYY). */
export function parseMonth(text: string): { year: number; month: number } | undefined {
  const iso = /^\s*(\d{4})-(\d{2})\s*$/.exec(text);
  const eu = /^\s*(\d{2})\/(\d{4})\s*$/.exec(text);
  const [year, month] = iso ? [Number(iso[1]), Number(iso[2])] : eu ? [Number(eu[2]), Number(eu[1])] : [NaN, NaN];
  return month >= 1 && month <= 12 ? { year, month } : undefined;
}

/** Days between two ISO dates (b - a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000;
}

/** Add days to a date (negative to go back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return parseIsoDate(d.toISOString().slice(0, 10))!;
}

/** Add whole months to a date, clamping the day to the month's length. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const total = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(date.day, new Date(Date.UTC(year, month, 0)).getUTCDate());
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { year, month, day, iso };
}

/** A well-formed link: `https:` or `mailto:` with something after it. */
export function isWellFormedLink(text: string): boolean {
  const t = text.trim();
  if (/^mailto:[^\s@]+@[^\s@]+\.[^\s@]+$/i.test(t)) return true;
  // Only an https: address can pass below (the URL parser drops leading control characters): other text is
  // not handed to the parser, whose exception for a paragraph of prose cost the preview most of its time.
  let start = 0;
  while (start < t.length && t.charCodeAt(start) < 0x20) start++;
  if (t.slice(start, start + 6).toLowerCase() !== 'https:') return false;
  try {
    const url = new URL(t);
    return url.protocol === 'https:' && url.hostname.includes('.') && !/\s/.test(t);
  } catch {
    return false;
  }
}

/** Looks like a link or an e-mail address (any scheme), so it should be checked as one. */
export function looksLikeLink(text: string): boolean {
  return (
    /^\s*[a-z][a-z0-9+.-]*:\/\//i.test(text) ||
    /^\s*(mailto|javascript|data|file|vbscript):/i.test(text) ||
    /^\s*www\./i.test(text)
  );
}

/** Words in a free-text answer. */
export function wordCount(text: string): number {
  const m = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu);
  return m ? m.length : 0;
}

/**
 * Edit distance, for "did you mean" suggestions. Past `max` it stops and says `max + 1`: a suggestion further
 * away is not made, and 100,000 unknown keys are compared with their siblings in a fraction of the time.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
      if (prev[j] < least) least = prev[j];
    }
    if (least > max) return max + 1;
  }
  return prev[b.length];
}

/** The closest candidate within a sensible distance, if any. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const w = word.toLowerCase();
  const limit = Math.max(2, Math.floor(word.length / 3));
  for (const c of candidates) {
    const d = c.includes(w) || w.includes(c) ? Math.abs(c.length - w.length) * 0.5 : editDistance(w, c, limit);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= limit ? best : undefined;
}
