/**
 * The events topic on which the reliability backend says that entities'
 * records changed: a perf run, a drill, a backup verification or a gate
 * verdict stored for the first time (a retried push that stores nothing
 * says nothing). Other plugins of the same backend (the scorecards'
 * reliability facts) listen to it instead of polling.
 *
 * @public
 */
export const RELIABILITY_CHANGED_TOPIC = 'readiness.reliability.changed';

/**
 * What changed, as the payload of {@link RELIABILITY_CHANGED_TOPIC}.
 *
 * @public
 */
export type ReliabilityChange = {
  /** The kind of record stored. */
  record: 'perf-run' | 'drill' | 'backup-verification' | 'gate-verdict';
  /** The entities whose record it is, as entity refs. */
  entityRefs: string[];
};

/**
 * Reads a {@link ReliabilityChange} from an event payload, or undefined when
 * the payload is not one.
 *
 * @public
 */
export function readReliabilityChange(
  payload: unknown,
): ReliabilityChange | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { record, entityRefs } = payload as Record<string, unknown>;
  const records: ReliabilityChange['record'][] = [
    'perf-run',
    'drill',
    'backup-verification',
    'gate-verdict',
  ];
  if (!records.includes(record as ReliabilityChange['record'])) {
    return undefined;
  }
  if (
    !Array.isArray(entityRefs) ||
    !entityRefs.every(ref => typeof ref === 'string')
  ) {
    return undefined;
  }
  return {
    record: record as ReliabilityChange['record'],
    entityRefs: entityRefs as string[],
  };
}
