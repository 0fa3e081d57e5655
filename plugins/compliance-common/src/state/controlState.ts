/*
 * The state of one control for one entity, from the entity's evidence:
 *
 *   not-applicable  the entity declares it so, with a justification
 *   missing         no evidence that counts for the control
 *   failing         the newest evidence that counts says "not satisfied"
 *   expired         the newest says "satisfied", but every satisfied item
 *                   since the last failure has expired
 *   expiring        the latest expiry comes within the window
 *   fresh           otherwise
 *
 * Evidence counts for a control when it was filed for it, or for a control
 * a mapping lets it count for (EvidenceReach). Withdrawn items count for
 * nothing, informational ones neither satisfy nor fail. At the same
 * collection time a failure outranks a success.
 */
import { HumanDuration } from '@backstage/types';
import { EntityControl } from '../applicability/types';
import { EvidenceCredit, EvidenceReach } from '../frameworks/evidenceReach';
import { ControlRef } from '../frameworks/types';

/**
 * The state of a control for an entity.
 *
 * @public
 */
export type ControlState =
  | 'fresh'
  | 'expiring'
  | 'expired'
  | 'failing'
  | 'missing'
  | 'not-applicable';

/**
 * What a piece of evidence says about the controls it was filed for.
 *
 * @public
 */
export type EvidenceResult = 'satisfied' | 'not-satisfied' | 'informational';

/**
 * What the state of a control needs of one evidence item of the entity.
 *
 * @public
 */
export type EvidenceStanding = {
  id: string;
  /** The controls the item was filed for. */
  controls: ControlRef[];
  /** ISO 8601 date-time. */
  collected: string;
  /** ISO 8601 date-time. */
  expires: string;
  result: EvidenceResult;
  /** A withdrawn item stays on record and counts for nothing. */
  withdrawn: boolean;
};

/**
 * A control's state and the evidence it rests on.
 *
 * @public
 */
export type ControlStateVerdict = {
  state: ControlState;
  /**
   * For `failing`, the newest failure; for `fresh`, `expiring` and
   * `expired`, the satisfied item that expires last.
   */
  evidence?: {
    id: string;
    expires: string;
    /** `direct` when filed for the control, else the mapping entry it counts through. */
    credit: 'direct' | EvidenceCredit;
  };
};

function addMonths(date: Date, months: number) {
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const last = new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0),
  ).getUTCDate();
  // a month later than 31 January is the last day of February
  date.setUTCDate(Math.min(day, last));
}

/**
 * A time plus a duration, calendar units in UTC.
 *
 * @public
 */
export function addDuration(
  time: Date | string,
  duration: HumanDuration,
): Date {
  const date = new Date(time);
  addMonths(date, (duration.years ?? 0) * 12 + (duration.months ?? 0));
  date.setUTCDate(
    date.getUTCDate() + (duration.weeks ?? 0) * 7 + (duration.days ?? 0),
  );
  date.setTime(
    date.getTime() +
      (duration.hours ?? 0) * 3_600_000 +
      (duration.minutes ?? 0) * 60_000 +
      (duration.seconds ?? 0) * 1000 +
      (duration.milliseconds ?? 0),
  );
  return date;
}

/**
 * When evidence collected at `collected` expires, by a control's validity.
 *
 * @public
 */
export function expiryOf(collected: string, validity: HumanDuration): string {
  return addDuration(collected, validity).toISOString();
}

/**
 * What a control of an entity rests on, whatever the time: nothing
 * (`missing`), the newest failure not followed by a satisfied item
 * (`failing`), or the satisfied item since the last failure that expires
 * last (`evidenced`). The state at a time follows from it by
 * {@link stateAt}; it changes only when the entity's evidence does.
 *
 * @public
 */
export type ControlStanding =
  | { state: 'not-applicable' | 'missing' }
  | {
      state: 'failing' | 'evidenced';
      evidence: NonNullable<ControlStateVerdict['evidence']>;
    };

/**
 * What one control of an entity rests on, from the entity's evidence.
 *
 * @public
 */
export function controlStanding(options: {
  control: EntityControl;
  evidence: readonly EvidenceStanding[];
  reach: EvidenceReach;
}): ControlStanding {
  const { control, reach } = options;
  if (control.status === 'not-applicable') return { state: 'not-applicable' };

  const counted: Array<{
    item: EvidenceStanding;
    credit: 'direct' | EvidenceCredit;
    at: number;
  }> = [];
  for (const item of options.evidence) {
    if (item.withdrawn || item.result === 'informational') continue;
    const credits = item.controls.map(c => reach.creditFor(c, control.control));
    const credit =
      credits.find(c => c === 'direct') ?? credits.find(c => c !== undefined);
    if (credit) counted.push({ item, credit, at: Date.parse(item.collected) });
  }
  if (counted.length === 0) return { state: 'missing' };

  const failures = counted.filter(c => c.item.result === 'not-satisfied');
  const lastFailure = failures.reduce<(typeof counted)[number] | undefined>(
    (newest, c) => (!newest || c.at > newest.at ? c : newest),
    undefined,
  );
  const since = counted.filter(
    c =>
      c.item.result === 'satisfied' && (!lastFailure || c.at > lastFailure.at),
  );
  if (lastFailure && since.length === 0) {
    return { state: 'failing', evidence: verdictEvidence(lastFailure) };
  }
  const best = since.reduce((latest, c) =>
    Date.parse(c.item.expires) > Date.parse(latest.item.expires) ? c : latest,
  );
  return { state: 'evidenced', evidence: verdictEvidence(best) };
}

/**
 * The state of a control at a time, from what it rests on: evidence that
 * expires within `horizon` (the time plus the expiring window) is expiring.
 *
 * @public
 */
export function stateAt(
  standing: ControlStanding,
  now: number,
  horizon: number,
): ControlState {
  if (standing.state !== 'evidenced') return standing.state;
  const expires = Date.parse(standing.evidence.expires);
  if (expires <= now) return 'expired';
  return expires <= horizon ? 'expiring' : 'fresh';
}

/**
 * The state of one control of an entity, from the entity's evidence.
 *
 * @public
 */
export function controlState(options: {
  control: EntityControl;
  evidence: readonly EvidenceStanding[];
  reach: EvidenceReach;
  now: Date | string;
  /** How long before its expiry evidence counts as expiring. */
  expiringWithin: HumanDuration;
}): ControlStateVerdict {
  const standing = controlStanding(options);
  const now = new Date(options.now);
  const state = stateAt(
    standing,
    now.getTime(),
    addDuration(now, options.expiringWithin).getTime(),
  );
  return 'evidence' in standing
    ? { state, evidence: standing.evidence }
    : { state };
}

function verdictEvidence(counted: {
  item: EvidenceStanding;
  credit: 'direct' | EvidenceCredit;
}): NonNullable<ControlStateVerdict['evidence']> {
  return {
    id: counted.item.id,
    expires: counted.item.expires,
    credit: counted.credit,
  };
}
