/*
 * The gaps of a record of processing, as pure functions of the record, the
 * entity's evidence and the configured limits: an activity without
 * retention or kept longer than allowed, a processor without a DPA on
 * record, a transfer outside the EEA without a safeguard.
 */
import { HumanDuration } from '@backstage/types';
import { formatDuration } from '@readiness/data-files';
import { EvidenceItem } from '../evidence/types';
import { addDuration } from '../state/controlState';
import { DataProcessor, GdprFinding, ProcessingRecord } from './types';

/**
 * The default of `compliance.gdpr.maxRetention`.
 *
 * @public
 */
export const DEFAULT_MAX_RETENTION: HumanDuration = { years: 10 };

/**
 * The default of `compliance.gdpr.dpaControl`: SOC 2's "vendors that
 * receive personal information commit to protecting it".
 *
 * @public
 */
export const DEFAULT_DPA_CONTROL = 'SOC2:P6.4';

/**
 * What the findings of a record are checked against.
 *
 * @public
 */
export type GdprFindingOptions = {
  /** The longest any activity may keep personal data. */
  maxRetention: HumanDuration;
  /** The control a DPA is filed for, when the record names none. */
  dpaControl: string;
  /** The entity's evidence items, withdrawn ones included. */
  evidence: ReadonlyArray<
    Pick<EvidenceItem, 'controls' | 'title' | 'expiresAt' | 'result'> & {
      withdrawal?: unknown;
    }
  >;
  /** The time expiry is judged at. */
  now: Date;
};

// Durations compared as the instants they reach from one fixed start
const START = '2000-01-01T00:00:00Z';

function longer(a: HumanDuration, b: HumanDuration): boolean {
  return addDuration(START, a).getTime() > addDuration(START, b).getTime();
}

function sameTitle(a: string, b: string): boolean {
  return (
    a.trim().toLocaleLowerCase('en-US') === b.trim().toLocaleLowerCase('en-US')
  );
}

/**
 * Whether the entity has a DPA on record for a processor: an item titled as
 * the record names it, filed for the DPA control, satisfied, neither
 * withdrawn nor expired.
 *
 * @public
 */
export function hasDpaEvidence(
  processor: DataProcessor,
  options: Pick<GdprFindingOptions, 'dpaControl' | 'evidence' | 'now'>,
): boolean {
  const { dpa } = processor;
  if (!dpa) return false;
  const control = (dpa.control ?? options.dpaControl).toLocaleLowerCase(
    'en-US',
  );
  const at = options.now.getTime();
  return options.evidence.some(
    item =>
      !item.withdrawal &&
      item.result === 'satisfied' &&
      Date.parse(item.expiresAt) > at &&
      sameTitle(item.title, dpa.evidence) &&
      item.controls.some(c => c.toLocaleLowerCase('en-US') === control),
  );
}

/**
 * The findings of a record, in the order of the record: activities, then
 * processors, then transfers.
 *
 * @public
 */
export function gdprFindings(
  record: ProcessingRecord,
  options: GdprFindingOptions,
): GdprFinding[] {
  const findings: GdprFinding[] = [];
  const limit = formatDuration(options.maxRetention);
  for (const activity of record.activities) {
    const { retention } = activity;
    if (!retention) {
      findings.push({
        kind: 'missing-retention',
        subject: activity.id,
        message: `${activity.id}: no retention; say how long the data is kept (a period, or a rule with its maximum) and how it is deleted`,
      });
      continue;
    }
    const kept = retention.period ?? retention.maximum;
    if (kept && longer(kept, options.maxRetention)) {
      findings.push({
        kind: 'retention-beyond-maximum',
        subject: activity.id,
        message: `${activity.id}: kept up to ${formatDuration(
          kept,
        )}, beyond the maximum of ${limit} (compliance.gdpr.maxRetention)`,
      });
    }
  }
  for (const processor of record.processors) {
    if (hasDpaEvidence(processor, options)) continue;
    const control = processor.dpa?.control ?? options.dpaControl;
    findings.push({
      kind: 'processor-without-dpa',
      subject: processor.name,
      message: processor.dpa
        ? `${processor.name}: no evidence "${processor.dpa.evidence}" for ${control} that is satisfied, current and not withdrawn; file the signed DPA as evidence with that title`
        : `${processor.name}: the record names no DPA; add dpa.evidence with the title of the DPA's evidence item for ${control}`,
    });
  }
  for (const transfer of record.transfers) {
    if (transfer.safeguard) continue;
    findings.push({
      kind: 'transfer-without-safeguard',
      subject: transfer.to,
      message: `${transfer.to} (${transfer.country}): a transfer outside the EEA without a safeguard; name an adequacy decision, standard contractual clauses, binding corporate rules or a derogation`,
    });
  }
  return findings;
}
