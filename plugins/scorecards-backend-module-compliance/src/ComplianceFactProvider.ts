/*
 * The compliance family's facts, from each entity's compliance record (the
 * controls in its scope with their state) as the compliance backend
 * computes it. Only kinds controls can apply to are asked for.
 */
import { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  ControlState,
  EntityComplianceRecord,
} from '@readiness/plugin-compliance-common';
import { ComplianceRecordsService } from '@readiness/plugin-compliance-node';
import {
  COMPLIANCE_FACTS,
  FactValue,
} from '@readiness/plugin-scorecards-common';
import {
  EntityFactValues,
  FactBatchRequest,
  ScorecardFactProvider,
} from '@readiness/plugin-scorecards-node';

/** The kinds the compliance record covers (its entity pages). */
const KINDS = new Set(['component', 'system', 'api', 'resource']);

/**
 * The facts of one compliance record; none for an entity no control is in
 * scope of, and no coverage when every control in scope is declared not
 * applicable (a share of nothing says nothing).
 */
export function complianceFacts(
  record: EntityComplianceRecord,
): Record<string, FactValue> {
  if (record.controls.length === 0) return {};
  const count = (state: ControlState) =>
    record.controls.filter(c => c.state === state).length;
  const applicable = record.controls.length - count('not-applicable');
  const covered = count('fresh') + count('expiring');
  return {
    // Rounded down to a hundredth, so that only full coverage reads 100
    ...(applicable > 0 && {
      'compliance.coverage': Math.floor((covered / applicable) * 10_000) / 100,
    }),
    'compliance.expired-evidence': count('expired'),
    'compliance.expiring-evidence': count('expiring'),
    'compliance.failing-controls': count('failing'),
  };
}

/** The compliance facts of a batch, in one records read per batch. */
export class ComplianceFactProvider implements ScorecardFactProvider {
  readonly id = 'compliance';
  readonly facts = COMPLIANCE_FACTS;

  constructor(
    private readonly deps: {
      records: ComplianceRecordsService;
      auth: AuthService;
    },
  ) {}

  async computeFacts(request: FactBatchRequest): Promise<EntityFactValues[]> {
    const refs = request.entities
      .filter(e => KINDS.has(e.kind.toLocaleLowerCase('en-US')))
      .map(e => stringifyEntityRef(e));
    if (refs.length === 0) return [];
    const records = await this.deps.records.getEntityRecords(refs, {
      credentials: await this.deps.auth.getOwnServiceCredentials(),
      signal: request.signal,
    });
    return records.flatMap(record => {
      const facts = complianceFacts(record);
      if (Object.keys(facts).length === 0) return [];
      return [{ entityRef: record.entityRef, facts, observedAt: record.asOf }];
    });
  }
}
