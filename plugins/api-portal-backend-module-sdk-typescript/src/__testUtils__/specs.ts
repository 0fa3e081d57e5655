import type { SdkFiles } from '@readiness/plugin-api-portal-node';
import { repositoryPath } from '@readiness/test-corpus';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';

/** Parses a YAML or JSON file. */
export function readSpec(file: string): Record<string, unknown> {
  const text = fs.readFileSync(file, 'utf8');
  return file.endsWith('.json')
    ? JSON.parse(text)
    : YAML.parse(text, { maxAliasCount: -1 });
}

/** The ledger v2 sample spec of this repository. */
export const LEDGER_V2 = repositoryPath('services', 'ledger', 'openapi.yaml');

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
