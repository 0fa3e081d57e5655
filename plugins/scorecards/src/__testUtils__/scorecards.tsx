/*
 * Fixtures and a render helper for the scorecards plugin's tests. Runtime
 * code never imports this file.
 */
import { ReactElement } from 'react';
import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  CheckResult,
  ScorecardHistory,
  ScorecardRecord,
  ScorecardsApi,
  scorecardsApiRef,
} from '../api';

export const ledger: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'ledger', namespace: 'default' },
  spec: { type: 'service', owner: 'team-finance', lifecycle: 'production' },
};

export const ledgerApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: { name: 'ledger-api', namespace: 'default' },
  spec: { type: 'openapi', owner: 'team-finance', lifecycle: 'production' },
};

export function forbidden(): Error {
  return Object.assign(new Error('forbidden'), { statusCode: 403 });
}

/** The error the client throws when the backend answers 404 with this message. */
export async function notFound(message: string): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'NotFoundError', message },
        request: { method: 'GET', url: '/v1/entities/component/default/x' },
        response: { statusCode: 404 },
      }),
      {
        status: 404,
        statusText: 'Not Found',
        headers: { 'Content-Type': 'application/json' },
      },
    ),
  );
}

/** A promise that never settles: the component stays loading. */
export function pending<T>(): Promise<T> {
  return new Promise<T>(() => {});
}

function check(
  id: string,
  fields: Pick<CheckResult, 'title' | 'category' | 'level' | 'status'> &
    Partial<CheckResult>,
): CheckResult {
  return {
    id,
    weight: 2,
    why: `Why ${id} matters.`,
    howToFix: { text: `Fix ${id}.`, docs: 'scorecards/writing-checks' },
    reason: `${id} reason`,
    ...fields,
  };
}

/** The ledger: Bronze, 3 checks from Silver, no API check applies. */
export const ledgerScorecard: ScorecardRecord = {
  entityRef: 'component:default/ledger',
  level: 'bronze',
  score: 64,
  passed: 6,
  failed: 2,
  unknown: 1,
  applicable: 9,
  categories: [
    {
      category: 'reliability',
      title: 'Reliability',
      score: 50,
      passed: 1,
      failed: 0,
      unknown: 1,
      applicable: 2,
    },
    {
      category: 'dr',
      title: 'Disaster recovery',
      score: 60,
      passed: 1,
      failed: 1,
      unknown: 0,
      applicable: 2,
    },
    {
      category: 'compliance',
      title: 'Compliance',
      score: 100,
      passed: 1,
      failed: 0,
      unknown: 0,
      applicable: 1,
    },
    {
      category: 'ownership',
      title: 'Ownership',
      score: 71,
      passed: 3,
      failed: 1,
      unknown: 0,
      applicable: 4,
    },
  ],
  checks: [
    check('owner-is-group', {
      title: 'Owned by a team',
      category: 'ownership',
      level: 'bronze',
      status: 'pass',
      weight: 3,
      reason: 'catalog.owner-is-group is true',
    }),
    check('description-set', {
      title: 'Has a description',
      category: 'ownership',
      level: 'bronze',
      status: 'pass',
      reason: 'catalog.description-set is true',
    }),
    check('system-set', {
      title: 'Part of a system',
      category: 'ownership',
      level: 'bronze',
      status: 'pass',
      reason: 'catalog.system-set is true',
    }),
    check('runbook-link', {
      title: 'Links its runbook',
      category: 'ownership',
      level: 'silver',
      status: 'fail',
      why: 'The person on call needs the runbook at hand.',
      howToFix: {
        text: 'Add a link titled Runbook to the entity.',
        docs: 'runbooks#writing-one',
      },
      reason: 'catalog.runbook-link is false; expected true',
    }),
    check('slos-declared', {
      title: 'SLOs are declared',
      category: 'reliability',
      level: 'bronze',
      status: 'pass',
      reason: 'reliability.slos-declared is 2; expected more than 0',
    }),
    check('slos-met', {
      title: 'SLOs are met',
      category: 'reliability',
      level: 'silver',
      status: 'unknown',
      howToFix: {
        text: 'Publish perf runs so the objectives can be judged.',
        docs: 'https://openslo.com/',
      },
      reason: 'reliability.slos-met is not known yet',
    }),
    check('dr-targets-declared', {
      title: 'RTO and RPO targets are declared',
      category: 'dr',
      level: 'bronze',
      status: 'pass',
      reason: 'reliability.dr-targets-declared is true',
    }),
    check('drill-within-cadence', {
      title: 'DR drill held within its cadence',
      category: 'dr',
      level: 'silver',
      status: 'fail',
      reason: 'reliability.drill-within-cadence is false; expected true',
    }),
    check('compliance-coverage-half', {
      title: 'Half of the applicable controls have fresh evidence',
      category: 'compliance',
      level: 'bronze',
      status: 'pass',
      reason: 'compliance.coverage is 62; expected at least 50',
    }),
  ],
  nextLevel: {
    level: 'silver',
    blockedBy: ['runbook-link', 'slos-met', 'drill-within-cadence'],
  },
  computedAt: '2026-12-06T02:00:41.120Z',
};

/** Checks apply, but no fact is known yet: before the first recompute. */
export const unscoredScorecard: ScorecardRecord = {
  ...ledgerScorecard,
  level: null,
  score: 0,
  passed: 0,
  failed: 0,
  unknown: 9,
  categories: ledgerScorecard.categories.map(c => ({
    ...c,
    score: 0,
    passed: 0,
    failed: 0,
    unknown: c.applicable,
  })),
  checks: ledgerScorecard.checks.map(c => ({
    ...c,
    status: 'unknown',
    reason: 'catalog.owner-is-group is not known yet',
  })),
  nextLevel: {
    level: 'bronze',
    blockedBy: ledgerScorecard.checks
      .filter(c => c.level === 'bronze')
      .map(c => c.id),
  },
};

/** No check applies to the entity. */
export const emptyScorecard: ScorecardRecord = {
  entityRef: 'component:default/ledger',
  level: null,
  score: null,
  passed: 0,
  failed: 0,
  unknown: 0,
  applicable: 0,
  categories: [],
  checks: [],
  nextLevel: null,
  computedAt: '2026-12-06T02:00:41.120Z',
};

export const ledgerHistory: ScorecardHistory = {
  entityRef: 'component:default/ledger',
  from: '2026-11-07',
  to: '2026-12-06',
  days: [
    {
      day: '2026-12-04',
      level: null,
      score: 40,
      passed: 4,
      failed: 4,
      unknown: 1,
      applicable: 9,
      categories: [],
      computedAt: '2026-12-04T02:00:12.000Z',
    },
    {
      day: '2026-12-05',
      level: 'bronze',
      score: 58,
      passed: 5,
      failed: 3,
      unknown: 1,
      applicable: 9,
      categories: [],
      computedAt: '2026-12-05T02:00:12.000Z',
    },
    {
      day: '2026-12-06',
      level: 'bronze',
      score: 64,
      passed: 6,
      failed: 2,
      unknown: 1,
      applicable: 9,
      categories: [],
      computedAt: '2026-12-06T02:00:41.120Z',
    },
  ],
};

/** A client that answers the ledger's scorecard and history. */
export function mockApi(
  overrides: Partial<ScorecardsApi> = {},
): jest.Mocked<ScorecardsApi> {
  return {
    getEntityScorecard: jest.fn(async () => ledgerScorecard),
    getEntityScorecardHistory: jest.fn(async () => ledgerHistory),
    listChecks: jest.fn(async () => ({ checks: [] })),
    ...overrides,
  } as jest.Mocked<ScorecardsApi>;
}

/**
 * Renders an element on the page of an entity, with the client mocked. Not
 * async: tests wait with findBy queries, so the client's answers arrive
 * inside act().
 */
export function renderForEntity(
  element: ReactElement,
  api: ScorecardsApi,
  entity: Entity = ledger,
) {
  return renderInTestApp(
    <EntityProvider entity={entity}>{element}</EntityProvider>,
    {
      apis: [[scorecardsApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}
