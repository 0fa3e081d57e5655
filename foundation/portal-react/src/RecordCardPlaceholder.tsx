import { InfoCard, Progress } from '@backstage/core-components';
import { RecordErrorPanel } from './RecordErrorPanel';

/**
 * What an entity's summary card shows until its record is in: progress while
 * it loads, then a refusal in the family's words or the server's answer.
 *
 * @public
 */
export function RecordCardPlaceholder(props: {
  title: string;
  loading: boolean;
  error?: Error;
  /** The title of a refusal, e.g. "This compliance record is internal". */
  internalTitle: string;
  /** What was refused, e.g. "The controls and evidence of this entity are not published to you." */
  internalDescription: string;
  /** The error shown when the backend answered without a record. */
  missing: string;
}) {
  return (
    <InfoCard title={props.title} variant="gridItem">
      {props.loading ? (
        <Progress />
      ) : (
        <RecordErrorPanel
          error={props.error ?? new Error(props.missing)}
          internalTitle={props.internalTitle}
          internalDescription={props.internalDescription}
        />
      )}
    </InfoCard>
  );
}
