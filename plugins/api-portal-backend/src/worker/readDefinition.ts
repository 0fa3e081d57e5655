import { InputError } from '@backstage/errors';
import { WorkerPool } from './runWorker';

/** Reads a kept definition text into its value (see {@link readDefinition}). */
export type DefinitionReader = (content: string) => Promise<any>;

/** A reader of definitions that uses this pool and these limits. */
export function definitionReader(options: {
  workers: WorkerPool;
  maxAliasCount: number;
  timeoutMs: number;
}): DefinitionReader {
  return content => readDefinition(content, options);
}

/**
 * The value of a kept definition text. JSON is read on the calling thread;
 * YAML, slow to read (a large definition would block the event loop for
 * seconds), is turned into JSON text in a worker of the pool and read from
 * that. Throws an `InputError` saying why a text does not parse.
 */
export async function readDefinition(
  content: string,
  options: { workers: WorkerPool; maxAliasCount: number; timeoutMs: number },
): Promise<any> {
  const body = content.replace(/^\uFEFF/, '');
  if (/^\s*[{[]/.test(body)) return JSON.parse(body);
  const outcome = await options.workers.run(
    { type: 'json', content: body, maxAliasCount: options.maxAliasCount },
    { timeoutMs: options.timeoutMs },
  );
  if ('error' in outcome) {
    throw new InputError(
      `the definition does not parse (${outcome.error.code}): ${outcome.error.message}`,
    );
  }
  return JSON.parse(outcome.json);
}
