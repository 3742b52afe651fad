/**
 * Extension activation, measured the way VS Code counts it in "Developer: Show Running Extensions"
 * (code loading plus the `activate` call): in a fresh Node process, the time to `require` the bundled
 * `dist/extension.js`, plus the time `activate(context)` takes to return. The `vscode` module is a stub
 * whose every API answers at once, so what is timed is the extension's own work: loading its bundle and
 * registering its views, status bar, commands and preview. The next turn of the event loop, in which it
 * loads its language client and spawns the server, is reported beside it (`nextTurn`).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';

export interface ActivationSample {
  /** Milliseconds to require the bundle. */
  readonly load: number;
  /** Milliseconds for `activate()` to return. */
  readonly activate: number;
  /**
   * Milliseconds from activate()'s return to the end of the next turn of the event loop, in which the
   * extension requires its language client bundle and starts the server process: work that follows
   * activation without being part of it.
   */
  readonly nextTurn?: number;
  /** Why activation threw or its promise was rejected (the stub cannot do everything VS Code does). */
  readonly error?: string;
}

/**
 * One sample in a fresh process: runs this bundle again with `--activation-child`. The stub exports every
 * name `vscode` declares (read from @types/vscode), as the bundle copies the module's own keys on import.
 */
export function sampleActivation(runnerJs: string, extensionJs: string, vscodeTypes: string): ActivationSample {
  const child = spawnSync(process.execPath, [runnerJs, '--activation-child', extensionJs, vscodeTypes], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as ActivationSample;
  } catch {
    return {
      load: NaN,
      activate: NaN,
      error: `no result (exit ${String(child.status)}): ${child.stderr.slice(0, 300)}`,
    };
  }
}

/** The child's side: time loading and activating the extension against the stub, print one JSON line. */
export async function activationChild(extensionJs: string, vscodeTypes: string): Promise<void> {
  installVscodeStub(readFileSync(vscodeTypes, 'utf8'));
  const start = performance.now();
  const extension = Module.createRequire(extensionJs)(extensionJs) as {
    activate(context: unknown): unknown;
    deactivate?(): unknown;
  };
  const loaded = performance.now();
  let result: ActivationSample;
  try {
    const pending = Promise.resolve(extension.activate(stubContext(dirname(dirname(extensionJs)))));
    const returned = performance.now();
    await new Promise((resolve) => setImmediate(resolve));
    const nextTurn = performance.now() - returned;
    const outcome = await Promise.race([
      pending.then(
        () => ({}),
        (e: unknown) => ({ error: `activate() rejected: ${e instanceof Error ? e.message : String(e)}` }),
      ),
      wait(5000).then(() => ({ error: 'activate() had not settled after 5 s' })),
    ]);
    result = { load: loaded - start, activate: returned - loaded, nextTurn, ...outcome };
  } catch (e) {
    result = { load: loaded - start, activate: NaN, error: e instanceof Error ? e.message : String(e) };
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
  // The language client started a server: stop it as VS Code does on shutdown.
  await Promise.race([Promise.resolve(extension.deactivate?.()).catch(() => undefined), wait(3000)]);
  process.exit(0);
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

// ---- The stub ------------------------------------------------------------------------------------

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;

function installVscodeStub(declarations: string): void {
  const names = [...declarations.matchAll(/^\texport (?:class|enum|namespace|const|let|function) (\w+)/gm)].map(
    (m) => m[1],
  );
  const stub = vscodeStub(names);
  const internal = Module as unknown as { _load: Loader };
  const original = internal._load;
  internal._load = (request, parent, isMain) => (request === 'vscode' ? stub : original(request, parent, isMain));
}

/** Any API: callable, constructible, every property another such value; awaiting it is not possible. */
function anything(name: string): unknown {
  const target = function stub() {
    /* the stub */
  };
  return new Proxy(target, {
    get(_, prop) {
      if (prop === 'then') return undefined;
      if (prop === Symbol.toPrimitive || prop === 'toString' || prop === 'toJSON') return () => name;
      if (prop === Symbol.iterator)
        return function* empty() {
          /* nothing */
        };
      if (prop === 'dispose') return () => undefined;
      return anything(`${name}.${String(prop)}`);
    },
    apply: () => anything(`${name}()`),
    construct: () => anything(`new ${name}`) as object,
    set: () => true,
  });
}

class Disposable {
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((i) => i.dispose()));
  }
  constructor(private readonly fn: () => unknown) {}
  dispose(): void {
    this.fn();
  }
}

class EventEmitter<T> {
  private readonly listeners = new Set<(e: T) => unknown>();
  readonly event = (listener: (e: T) => unknown) => {
    this.listeners.add(listener);
    return new Disposable(() => this.listeners.delete(listener));
  };
  fire(e: T): void {
    for (const l of this.listeners) l(e);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

class Uri {
  constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static parse(text: string): Uri {
    return new Uri(text.split(':')[0], text.slice(text.indexOf(':') + 1));
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, join(base.path, ...parts));
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
  with(): Uri {
    return this;
  }
}

function vscodeStub(names: readonly string[]): unknown {
  const real: Record<string, unknown> = {
    version: '1.91.0',
    Disposable,
    EventEmitter,
    Uri,
    l10n: {
      t: (message: string | { message: string }, ...args: unknown[]) =>
        (typeof message === 'string' ? message : message.message).replace(/\{(\d+)\}/g, (_, i: string) =>
          String(args[Number(i)]),
        ),
      bundle: undefined,
      uri: undefined,
    },
    env: new Proxy(
      { language: 'en', appName: 'Visual Studio Code', machineId: 'bench', sessionId: 'bench', uiKind: 1 },
      fallback('env'),
    ),
    workspace: new Proxy(
      {
        workspaceFolders: undefined,
        textDocuments: [],
        name: undefined,
        getConfiguration: () => ({
          get: (_: string, d?: unknown) => d,
          has: () => false,
          inspect: () => undefined,
          update: () => Promise.resolve(),
        }),
      },
      fallback('workspace'),
    ),
    window: new Proxy(
      { activeTextEditor: undefined, visibleTextEditors: [], state: { focused: true } },
      fallback('window'),
    ),
    languages: new Proxy({ getDiagnostics: () => [] }, fallback('languages')),
  };
  for (const name of names) if (!(name in real)) real[name] = anything(`vscode.${name}`);
  return new Proxy(real, fallback('vscode'));
}

function fallback(name: string): ProxyHandler<Record<string, unknown>> {
  return {
    get: (target, prop) =>
      prop in target ? target[prop as string] : prop === 'then' ? undefined : anything(`${name}.${String(prop)}`),
  };
}

function stubContext(root: string): unknown {
  const memento = {
    get: (_: string, d?: unknown) => d,
    update: () => Promise.resolve(),
    keys: () => [],
    setKeysForSync: () => undefined,
  };
  return new Proxy(
    {
      subscriptions: [] as unknown[],
      extensionPath: root,
      extensionUri: Uri.file(root),
      asAbsolutePath: (p: string) => join(root, p),
      workspaceState: memento,
      globalState: memento,
      storageUri: undefined,
      globalStorageUri: Uri.file(join(root, '.storage')),
      logUri: Uri.file(join(root, '.log')),
      extensionMode: 1,
    },
    fallback('context'),
  );
}
