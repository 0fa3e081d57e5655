import { screen } from '@testing-library/react';
import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  EntitySlos,
  PerfRunSummary,
  ReliabilityApi,
} from '@readiness/plugin-reliability-common';
import { reliabilityApiRef } from '../api';
import { EntityReliabilityContent } from './EntityReliabilityContent';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'ledger', namespace: 'default' },
  spec: { type: 'service', owner: 'team-finance', lifecycle: 'production' },
};

function api(overrides: Partial<ReliabilityApi>): ReliabilityApi {
  return {
    listRuns: jest.fn(async () => ({ items: [] })),
    getRun: jest.fn(),
    getEntitySlos: jest.fn(async () => ({
      entityRef: 'component:default/ledger',
      files: [],
      slos: [],
      problems: [],
    })),
    ...overrides,
  };
}

async function render(reliabilityApi: ReliabilityApi) {
  await renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, reliabilityApi]]}>
      <EntityProvider entity={entity}>
        <EntityReliabilityContent />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityReliabilityContent', () => {
  it('says how to add SLOs and publish runs when there are none', async () => {
    await render(api({}));
    expect(
      await screen.findByText('No SLOs for this entity yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/readiness.dev\/openslo: .\/slo.yaml/),
    ).toBeInTheDocument();
    expect(screen.getByText('No perf runs published yet')).toBeInTheDocument();
    expect(
      screen.getByText(/POST \/api\/reliability\/v1\/runs/),
    ).toBeInTheDocument();
  });

  it('shows each objective with its newest result and error budget, and the runs', async () => {
    await render(
      api({
        getEntitySlos: jest.fn(
          async (): Promise<EntitySlos> => ({
            entityRef: 'component:default/ledger',
            annotation: './slo.yaml',
            files: ['./slo.yaml'],
            problems: [
              {
                file: './slo.yaml',
                document: 3,
                path: '/spec/objectives/0/target',
                line: 61,
                message: 'expected a number between 0 and 1, got 99',
              },
            ],
            slos: [
              {
                name: 'ledger-posting-latency',
                displayName: 'Journal entry posting latency',
                service: 'ledger',
                timeWindow: { duration: '28d', isRolling: true },
                budgetingMethod: 'Occurrences',
                objectives: [
                  {
                    displayName: 'p95 under 300 ms',
                    op: 'lt',
                    value: 300,
                    target: 0.95,
                  },
                ],
                alertPolicies: [],
                source: './slo.yaml#2',
                latest: {
                  runId: 'r1',
                  startedAt: '2026-11-27T10:00:00Z',
                  objectives: [
                    {
                      slo: 'ledger-posting-latency',
                      objective: 0,
                      status: 'missed',
                      actual: 412.5,
                      expected: 'p(95) of http_req_duration < 300',
                      reason: 'p(95) was 412.5',
                    },
                  ],
                },
                compliance: [
                  {
                    slo: 'ledger-posting-latency',
                    objective: 0,
                    target: 0.95,
                    good: 9,
                    total: 10,
                    compliance: 0.9,
                    errorBudgetRemaining: -1,
                  },
                ],
                runsInWindow: 10,
              },
            ],
          }),
        ),
        listRuns: jest.fn(
          async (): Promise<{ items: PerfRunSummary[] }> => ({
            items: [
              {
                id: 'r1',
                entityRef: 'component:default/ledger',
                scenario: 'ledger-post',
                environment: 'staging',
                release: '2026.11.4',
                startedAt: '2026-11-27T10:00:00Z',
                finishedAt: '2026-11-27T10:05:00Z',
                idempotencyKey: 'k',
                createdAt: '2026-11-27T10:06:00Z',
                format: 'k6-handle-summary',
                thresholdsPassed: false,
              },
            ],
          }),
        ),
      }),
    );
    expect(
      await screen.findByText('Journal entry posting latency'),
    ).toBeInTheDocument();
    expect(screen.getByText('p95 under 300 ms')).toBeInTheDocument();
    expect(screen.getByText('missed')).toBeInTheDocument();
    expect(screen.getByText('p(95) was 412.5')).toBeInTheDocument();
    expect(screen.getByText('-100.0 %')).toBeInTheDocument();
    expect(screen.getByText('28d, 10 runs')).toBeInTheDocument();
    expect(
      screen.getByText(/1 problem in the OpenSLO files/),
    ).toBeInTheDocument();
    expect(screen.getByText('ledger-post')).toBeInTheDocument();
    expect(screen.getByText('failed')).toBeInTheDocument();
  });

  it('shows why loading failed', async () => {
    await render(
      api({
        getEntitySlos: jest.fn(async () => {
          throw new Error(
            'You may not read the reliability record of component:default/ledger',
          );
        }),
      }),
    );
    expect(
      (await screen.findAllByText(/You may not read the reliability record/))
        .length,
    ).toBeGreaterThan(0);
  });

  it('tells callers without access that the record is internal', async () => {
    await render(
      api({
        getEntitySlos: jest.fn(async () => {
          throw Object.assign(new Error('forbidden'), { statusCode: 403 });
        }),
      }),
    );
    expect(
      await screen.findByText('This reliability record is internal'),
    ).toBeInTheDocument();
  });
});
