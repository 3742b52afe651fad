/**
 * The shape of the parameters the handlers read, checked before they are used: a request whose parameters
 * are not what the protocol says is answered with InvalidParams (-32602), naming what is wrong, rather than
 * failing inside a handler as an internal error (-32603). After `shutdown`, every request is refused with
 * InvalidRequest (-32600), as the specification asks.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver';

type Check = (value: unknown) => boolean;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const uint: Check = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const position: Check = (v) => isObject(v) && uint(v.line) && uint(v.character);
const range: Check = (v) => isObject(v) && position(v.start) && position(v.end);
const document: Check = (v) => isObject(v) && typeof v.uri === 'string';

/** What each kind of parameters must hold. */
const SHAPES = {
  document: { textDocument: document },
  position: { textDocument: document, position },
  codeAction: { textDocument: document, range, context: (v: unknown) => isObject(v) && Array.isArray(v.diagnostics) },
  uri: { uri: (v: unknown) => typeof v === 'string' },
  diff: {
    uri: (v: unknown) => typeof v === 'string',
    text: (v: unknown) => typeof v === 'string',
    audience: (v: unknown) => v === undefined || ['all', 'ai-office', 'nca', 'downstream'].includes(v as string),
  },
} as const satisfies Record<string, Record<string, Check>>;

export type ParamsShape = keyof typeof SHAPES;

/** The parameters, if they have the shape; otherwise a ResponseError(InvalidParams) is thrown. */
export function checked<T>(params: T, shape: ParamsShape): T {
  const fields = SHAPES[shape] as Record<string, Check>;
  const bad = isObject(params) ? Object.keys(fields).filter((k) => !fields[k](params[k])) : ['the parameters'];
  if (bad.length) throw new ResponseError(ErrorCodes.InvalidParams, `invalid ${bad.join(', ')}`);
  return params;
}

/** Refuses requests once the client has asked the server to shut down. */
export class Lifecycle {
  private down = false;

  shutDown(): void {
    this.down = true;
  }

  get isShutDown(): boolean {
    return this.down;
  }

  /** Throws InvalidRequest after `shutdown`. */
  assertRunning(): void {
    if (this.down) throw new ResponseError(ErrorCodes.InvalidRequest, 'the server is shutting down');
  }
}
