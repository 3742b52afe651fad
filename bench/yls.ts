/**
 * Red Hat's yaml-language-server (a devDependency at an exact version) as the benchmark drives it: the same
 * file, opened as `yaml`, with the project's JSON Schema associated through the `yaml.schemas` setting,
 * which it reads over `workspace/configuration` as it does from VS Code. Nothing is fetched: the schema store
 * and the Kubernetes schemas are off.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BenchClient } from './lspClient';
import type { ServerProfile } from './scenarios';

export function ylsDirectory(root: string): string {
  return join(root, 'node_modules', 'yaml-language-server');
}

export function ylsVersion(root: string): string {
  return (JSON.parse(readFileSync(join(ylsDirectory(root), 'package.json'), 'utf8')) as { version: string }).version;
}

export function ylsProfile(root: string, nodeArgs: readonly string[] = []): ServerProfile {
  const schema = pathToFileURL(join(root, 'schemas', 'gpai.schema.json')).href;
  return {
    serverJs: join(ylsDirectory(root), 'bin', 'yaml-language-server'),
    nodeArgs,
    languageId: 'yaml',
    versioned: false,
    checkDelayMs: 200,
    settings: {
      yaml: {
        schemas: { [schema]: '*.gpai.yaml' },
        validate: true,
        hover: true,
        completion: true,
        format: { enable: false },
        schemaStore: { enable: false },
        kubernetesCRDStore: { enable: false },
      },
    },
  };
}

/**
 * Whether the server reads the schema: a file whose format version is text (`gpai: one`) must get a
 * diagnostic from it on that line. Without it the comparison would time a server that checks nothing.
 */
export async function schemaApplied(profile: ServerProfile): Promise<boolean> {
  const client = await BenchClient.start(profile);
  try {
    const uri = 'file:///bench/schema-probe.gpai.yaml';
    await client.open(uri, 'gpai: one\n');
    await client.settle(uri, 400);
    const published = client.lastPublished.get(uri);
    return (published?.diagnostics ?? []).some((d) => d.range.start.line === 0 && /^yaml-schema/.test(d.source ?? ''));
  } finally {
    await client.stop();
  }
}
