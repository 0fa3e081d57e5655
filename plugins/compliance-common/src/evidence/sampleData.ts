/*
 * How sample evidence is told apart from what people and pipelines file.
 * The portal's development sample history (docs/operations/sample-data.md)
 * is filed through the same services as real evidence, marked in a field
 * every filing already has, so a page or an export can say which items are
 * samples.
 */
import { EvidenceItem } from './types';

/** Idempotency keys of sample evidence start with this. @public */
export const SAMPLE_KEY_PREFIX = 'sample:';

/** Whether an idempotency key is a sample filing's. @public */
export function isSampleKey(key: string | undefined): boolean {
  return key?.startsWith(SAMPLE_KEY_PREFIX) ?? false;
}

/** Whether an evidence item was filed as sample data. @public */
export function isSampleEvidence(
  item: Pick<EvidenceItem, 'idempotencyKey'>,
): boolean {
  return isSampleKey(item.idempotencyKey);
}
