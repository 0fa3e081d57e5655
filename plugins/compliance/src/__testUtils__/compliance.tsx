/*
 * Fixtures and a render helper for the compliance plugin's tests. Runtime
 * code never imports this file.
 */
import { ReactElement } from 'react';
import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  ComplianceApi,
  ComplianceMatrix,
  ComplianceMatrixGroup,
  EntityComplianceRecord,
  EntityComplianceSummary,
  EvidenceItem,
} from '@readiness/plugin-compliance-common';
import { SWRConfig } from 'swr';
import { complianceApiRef } from '../api';

export const ledger: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'ledger', namespace: 'default' },
  spec: { type: 'service', owner: 'team-finance', lifecycle: 'production' },
};

export function forbidden(): Error {
  return Object.assign(new Error('forbidden'), { statusCode: 403 });
}

/** An error as the client throws it for a refused request. */
export function refused(statusCode: number, message: string): Error {
  return Object.assign(
    new Error(`Request failed with ${statusCode} Bad Request`),
    {
      name: 'ResponseError',
      statusCode,
      body: {
        error: { name: 'InputError', message },
        response: { statusCode },
      },
    },
  );
}

/** A promise that never settles: the component stays loading. */
export function pending<T>(): Promise<T> {
  return new Promise<T>(() => {});
}

const NO_STATES = {
  fresh: 0,
  expiring: 0,
  expired: 0,
  failing: 0,
  missing: 0,
  'not-applicable': 0,
};

export const emptyRecord: EntityComplianceRecord = {
  entityRef: 'component:default/ledger',
  asOf: '2026-12-01T09:00:00.000Z',
  controls: [],
  coverage: [],
  problems: [],
};

export const ledgerRecord: EntityComplianceRecord = {
  entityRef: 'component:default/ledger',
  asOf: '2026-12-01T09:00:00.000Z',
  controls: [
    {
      control: 'SOC2:CC8.1',
      framework: 'SOC2',
      title: 'Changes are authorised, tested and approved',
      state: 'fresh',
      rules: ['production-services'],
      evidence: { id: 'e-review', expiresAt: '2027-03-01T10:00:00.000Z' },
    },
    {
      control: 'SOC2:PI1.1',
      framework: 'SOC2',
      title: 'Processing objectives are defined',
      state: 'failing',
      rules: ['financial-records'],
      evidence: { id: 'e-recon', expiresAt: '2027-01-01T10:00:00.000Z' },
    },
    {
      control: 'SOC2:A1.2',
      framework: 'SOC2',
      title: 'Recovery infrastructure is in place',
      state: 'expiring',
      rules: ['production-services'],
      evidence: {
        id: 'e-restore',
        expiresAt: '2026-12-12T10:00:00.000Z',
        through: 'ISO27001:8.13',
        mapping: 'soc2-iso27001',
      },
    },
    {
      control: 'SOC2:CC7.2',
      framework: 'SOC2',
      title: 'Systems are monitored for anomalies',
      state: 'missing',
      rules: ['production-services'],
    },
    {
      control: 'ISO27001:8.13',
      framework: 'ISO27001',
      title: 'Information backup',
      state: 'expired',
      rules: ['production-services'],
      evidence: { id: 'e-old', expiresAt: '2026-11-01T10:00:00.000Z' },
    },
    {
      control: 'ISO27001:8.30',
      framework: 'ISO27001',
      title: 'Outsourced development',
      state: 'not-applicable',
      rules: ['company-programme'],
      justification:
        'No development is outsourced: every service is built by the internal teams.',
    },
  ],
  coverage: [
    {
      framework: 'SOC2',
      title: 'SOC 2 Trust Services Criteria',
      applicable: 4,
      covered: 2,
      ratio: 0.5,
      states: { ...NO_STATES, fresh: 1, expiring: 1, failing: 1, missing: 1 },
    },
    {
      framework: 'ISO27001',
      title: 'ISO/IEC 27001:2022 Annex A',
      applicable: 1,
      covered: 0,
      ratio: 0,
      states: { ...NO_STATES, expired: 1, 'not-applicable': 1 },
    },
  ],
  problems: [],
};

/** What the card reads for an entity no control applies to. */
export const emptySummary: EntityComplianceSummary = {
  entityRef: 'component:default/ledger',
  asOf: '2026-12-01T09:00:00.000Z',
  coverage: [],
  problems: [],
};

/** What the card reads for the ledger: its coverage and newest item. */
export const ledgerSummary: EntityComplianceSummary = {
  entityRef: 'component:default/ledger',
  asOf: '2026-12-01T09:00:00.000Z',
  coverage: ledgerRecord.coverage,
  problems: [],
  newestEvidence: {
    id: 'e-review',
    title: 'Change review of release 2026.12.1',
    source: 'manual',
    collectedAt: '2026-12-01T08:00:00.000Z',
    result: 'satisfied',
    link: 'https://ci.example.com/runs/42',
  },
};

function item(id: string, fields: Partial<EvidenceItem>): EvidenceItem {
  return {
    id,
    entityRef: 'component:default/ledger',
    controls: ['SOC2:CC8.1'],
    source: 'manual',
    title: id,
    collectedAt: '2026-11-20T10:00:00.000Z',
    expiresAt: '2027-02-20T10:00:00.000Z',
    result: 'satisfied',
    filedBy: 'user:default/guest',
    filedAt: '2026-11-20T10:05:00.000Z',
    ...fields,
  };
}

/** The ledger's evidence, newest collected first, as the backend lists it. */
export const ledgerEvidence: EvidenceItem[] = [
  item('e-review', {
    title: 'Change review of release 2026.12.1',
    link: 'https://ci.example.com/runs/42',
    description: 'Two approvals on every merged change',
    collectedAt: '2026-12-01T08:00:00.000Z',
    expiresAt: '2027-03-01T10:00:00.000Z',
  }),
  item('e-wrong', {
    title: 'Change review of the wrong release',
    collectedAt: '2026-11-30T08:00:00.000Z',
    withdrawal: {
      id: 'w1',
      evidenceId: 'e-wrong',
      reason: 'Filed for the billing release by mistake',
      withdrawnBy: 'user:default/guest',
      withdrawnAt: '2026-11-30T09:00:00.000Z',
    },
  }),
  item('e-recon', {
    title: 'Ledger reconciliation November',
    controls: ['SOC2:PI1.1'],
    source: 'pipeline',
    result: 'not-satisfied',
    filedBy: 'service:ledger-ci',
    collectedAt: '2026-11-25T08:00:00.000Z',
  }),
  item('e-restore', {
    title: 'Restore test of filing-db',
    controls: ['ISO27001:8.13'],
    source: 'backup',
    filedBy: 'service:plugin:reliability',
    collectedAt: '2026-11-12T08:00:00.000Z',
    expiresAt: '2026-12-12T10:00:00.000Z',
  }),
];

/**
 * A SOC 2 matrix by system: filing-platform has a failing, a missing and an
 * expiring cell, readiness-portal a fresh and an expired one, and the entity
 * without a system only a control declared not applicable. SOC2:A1.2 is
 * covered wherever it applies.
 */
export const soc2Matrix: ComplianceMatrix = {
  framework: 'SOC2',
  title: 'SOC 2 Trust Services Criteria',
  groupBy: 'system',
  asOf: '2026-12-01T09:00:00.000Z',
  catalogAsOf: '2026-12-01T08:59:30.000Z',
  controls: [
    {
      control: 'SOC2:CC8.1',
      title: 'Changes are authorised, tested and approved',
      applicable: 4,
      covered: 3,
      ratio: 0.75,
    },
    {
      control: 'SOC2:CC7.2',
      title: 'Systems are monitored for anomalies',
      applicable: 4,
      covered: 0,
      ratio: 0,
    },
    {
      control: 'SOC2:A1.2',
      title: 'Recovery infrastructure is in place',
      applicable: 2,
      covered: 2,
      ratio: 1,
    },
  ],
  groups: [
    {
      group: 'system:default/filing-platform',
      title: 'filing-platform',
      entities: 3,
      applicable: 8,
      covered: 4,
      ratio: 0.5,
      cells: [
        [2, 0, 0, 1, 0, 0],
        [0, 0, 0, 0, 3, 0],
        [1, 1, 0, 0, 0, 0],
      ],
    },
    {
      group: 'system:default/readiness-portal',
      title: 'Readiness Portal',
      entities: 2,
      applicable: 2,
      covered: 1,
      ratio: 0.5,
      cells: [[1, 0, 0, 0, 0, 1], [0, 0, 1, 0, 0, 0], null],
    },
    {
      group: '',
      title: '',
      entities: 1,
      applicable: 0,
      covered: 0,
      ratio: 1,
      cells: [[0, 0, 0, 0, 0, 1], null, null],
    },
  ],
  totals: {
    entities: 6,
    applicable: 10,
    covered: 5,
    ratio: 0.5,
    states: [4, 1, 1, 1, 3, 2],
  },
};

/** The drill-down of filing-platform in {@link soc2Matrix}. */
export const filingPlatformRow: ComplianceMatrixGroup = {
  framework: 'SOC2',
  groupBy: 'system',
  group: 'system:default/filing-platform',
  title: 'filing-platform',
  asOf: '2026-12-01T09:00:00.000Z',
  catalogAsOf: '2026-12-01T08:59:30.000Z',
  controls: soc2Matrix.controls.map(({ control, title }) => ({
    control,
    title,
  })),
  entities: [
    {
      entityRef: 'component:default/ledger',
      title: 'ledger',
      kind: 'Component',
      applicable: 3,
      covered: 1,
      ratio: 1 / 3,
      states: {
        'SOC2:CC8.1': 'failing',
        'SOC2:CC7.2': 'missing',
        'SOC2:A1.2': 'fresh',
      },
    },
    {
      entityRef: 'resource:default/filing-db',
      title: 'Filing database',
      kind: 'Resource',
      applicable: 1,
      covered: 0,
      ratio: 0,
      states: { 'SOC2:CC7.2': 'missing' },
    },
  ],
};

/** A client whose every method answers as for an entity with nothing yet. */
export function mockApi(
  overrides: Partial<ComplianceApi> = {},
): jest.Mocked<ComplianceApi> {
  return {
    getEntityControls: jest.fn(async () => emptyRecord),
    getEntitySummary: jest.fn(async () => emptySummary),
    listEntityEvidence: jest.fn(async () => ({ items: [] })),
    fileEvidence: jest.fn(async () => {
      throw new Error('not in this test');
    }),
    withdrawEvidence: jest.fn(async () => {
      throw new Error('not in this test');
    }),
    listFrameworks: jest.fn(async () => ({
      items: [
        { id: 'ISO27001', title: 'ISO/IEC 27001:2022 Annex A', controls: 93 },
        { id: 'SOC2', title: 'SOC 2 Trust Services Criteria', controls: 33 },
      ],
    })),
    getMatrix: jest.fn(async () => soc2Matrix),
    getMatrixGroup: jest.fn(async () => filingPlatformRow),
    ...overrides,
  } as jest.Mocked<ComplianceApi>;
}

/**
 * Renders an element on the page of an entity, with the client mocked and
 * the permission API answering `permission` (allow everything by default).
 * Not async: tests wait with findBy queries.
 */
export function renderForEntity(
  element: ReactElement,
  api: ComplianceApi,
  options: {
    entity?: Entity;
    permission?: NonNullable<
      Parameters<typeof mockApis.permission>[0]
    >['authorize'];
  } = {},
) {
  const permissions = mockApis.permission({
    authorize: options.permission ?? AuthorizeResult.ALLOW,
  });
  return renderInTestApp(
    // usePermission caches decisions in swr: each render starts without any
    <SWRConfig value={{ provider: () => new Map() }}>
      <EntityProvider entity={options.entity ?? ledger}>
        {element}
      </EntityProvider>
    </SWRConfig>,
    {
      apis: [
        [complianceApiRef, api],
        [permissionApiRef, permissions],
      ] as any,
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

/** Renders a page of the plugin with the client mocked, at the address given. */
export function renderPage(
  element: ReactElement,
  api: ComplianceApi,
  initialRouteEntries?: string[],
) {
  return renderInTestApp(element, {
    apis: [[complianceApiRef, api]] as any,
    initialRouteEntries,
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}
