import { corpusPath, repositoryPath } from '@readiness/test-corpus';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import type { SdkFiles } from '@readiness/plugin-api-portal-node';

/** Parses a YAML or JSON file. */
export function readSpec(file: string): Record<string, unknown> {
  const text = fs.readFileSync(file, 'utf8');
  return file.endsWith('.json')
    ? JSON.parse(text)
    : YAML.parse(text, { maxAliasCount: -1 });
}

/** The ledger v2 sample spec of this repository. */
export const LEDGER_V2 = repositoryPath('services', 'ledger', 'openapi.yaml');

/**
 * Every YAML/JSON file of the OpenAPI corpus that may be an API description:
 * up to three folders deep, without the fragments of multi-file specs.
 */
export function corpusSpecFiles(): string[] {
  const root = corpusPath('openapi');
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (
          depth < 3 &&
          entry.name !== 'shared' &&
          entry.name !== 'resources'
        ) {
          walk(full, depth + 1);
        }
      } else if (/\.(ya?ml|json)$/i.test(entry.name)) {
        found.push(full);
      }
    }
  };
  walk(root, 1);
  return found.sort();
}

/** Writes generated files under a new temporary folder and returns it. */
export async function writeSdk(
  files: SdkFiles,
  prefix: string,
): Promise<string> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), prefix));
  for (const file of files) {
    const target = path.join(dir, file.path);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    await fsp.writeFile(target, file.content);
  }
  return dir;
}
