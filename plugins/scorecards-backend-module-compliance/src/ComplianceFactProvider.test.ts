import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  ControlState,
  EntityComplianceRecord,
} from '@readiness/plugin-compliance-common';
import { ComplianceRecordsService } from '@readiness/plugin-compliance-node';
import { COMPLIANCE_FACTS } from '@readiness/plugin-scorecards-common';
import { ComplianceFactProvider } from './ComplianceFactProvider';

const NOW = '2026-12-06T04:00:00.000Z';

function entity(kind: string, name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default' },
    spec: {},
  };
}

function record(
  entityRef: string,
  states: ControlState[],
): EntityComplianceRecord {
  return {
    entityRef,
    asOf: NOW,
    controls: states.map((state, i) => ({
      control: `SOC2:CC${i}.1`,
      framework: 'SOC2',
      title: `Control ${i}`,
      state,
      rules: ['production-services'],
    })),
    coverage: [],
    problems: [],
  };
}

/** Stands in for the compliance backend: records by ref, asks recorded. */
function stubRecords(records: EntityComplianceRecord[]) {
  const asked: Array<{ refs: readonly string[]; principal: unknown }> = [];
  const service: ComplianceRecordsService = {
    async getEntityRecords(entityRefs, options) {
      asked.push({
        refs: entityRefs,
        principal: options.credentials.principal,
      });
      return records.filter(r => entityRefs.includes(r.entityRef));
    },
  };
  return { service, asked };
}

function provider(records: EntityComplianceRecord[]) {
  const stub = stubRecords(records);
  return {
    provider: new ComplianceFactProvider({
      records: stub.service,
      auth: mockServices.auth({ pluginId: 'scorecards' }),
    }),
    asked: stub.asked,
  };
}

const batch = (entities: Entity[]) => ({
  entities,
  now: NOW,
  signal: new AbortController().signal,
});

describe('ComplianceFactProvider', () => {
  it('declares the compliance facts of the catalogue', () => {
    const { provider: p } = provider([]);
    expect(p.id).toBe('compliance');
    expect(p.facts).toBe(COMPLIANCE_FACTS);
  });

  it('counts coverage over the applicable controls and the expired, expiring and failing ones', async () => {
    const { provider: p, asked } = provider([
      record('component:default/ledger', [
        'fresh',
        'expiring',
        'expired',
        'failing',
        'missing',
        'not-applicable',
      ]),
      record('component:default/webhooks', ['fresh', 'fresh']),
    ]);
    const facts = await p.computeFacts(
      batch([entity('Component', 'ledger'), entity('Component', 'webhooks')]),
    );
    expect(facts).toEqual([
      {
        entityRef: 'component:default/ledger',
        observedAt: NOW,
        facts: {
          'compliance.coverage': 40,
          'compliance.expired-evidence': 1,
          'compliance.expiring-evidence': 1,
          'compliance.failing-controls': 1,
        },
      },
      {
        entityRef: 'component:default/webhooks',
        observedAt: NOW,
        facts: {
          'compliance.coverage': 100,
          'compliance.expired-evidence': 0,
          'compliance.expiring-evidence': 0,
          'compliance.failing-controls': 0,
        },
      },
    ]);
    // One read for the batch, with the module's own service credentials
    expect(asked).toEqual([
      {
        refs: ['component:default/ledger', 'component:default/webhooks'],
        principal: mockCredentials.service('plugin:scorecards').principal,
      },
    ]);
  });

  it('reads a coverage just short of full as short of 100', async () => {
    const states: ControlState[] = Array(2999).fill('fresh');
    const { provider: p } = provider([
      record('component:default/ledger', [...states, 'missing']),
    ]);
    const [ledger] = await p.computeFacts(
      batch([entity('Component', 'ledger')]),
    );
    expect(ledger.facts['compliance.coverage']).toBe(99.96);
  });

  it('says nothing of an entity no control is in scope of, nor of coverage when every control is not applicable', async () => {
    const { provider: p } = provider([
      record('component:default/ledger', []),
      record('resource:default/ledger-db', [
        'not-applicable',
        'not-applicable',
      ]),
    ]);
    const facts = await p.computeFacts(
      batch([entity('Component', 'ledger'), entity('Resource', 'ledger-db')]),
    );
    expect(facts).toEqual([
      {
        entityRef: 'resource:default/ledger-db',
        observedAt: NOW,
        facts: {
          'compliance.expired-evidence': 0,
          'compliance.expiring-evidence': 0,
          'compliance.failing-controls': 0,
        },
      },
    ]);
  });

  it('asks only for kinds with a compliance record, and not at all for a batch without any', async () => {
    const { provider: p, asked } = provider([]);
    await expect(
      p.computeFacts(
        batch([entity('Group', 'payments'), entity('User', 'ana')]),
      ),
    ).resolves.toEqual([]);
    expect(asked).toEqual([]);
    await p.computeFacts(
      batch([
        entity('Group', 'payments'),
        entity('System', 'ledger'),
        entity('API', 'ledger-api'),
      ]),
    );
    expect(asked.map(a => a.refs)).toEqual([
      ['system:default/ledger', 'api:default/ledger-api'],
    ]);
  });

  it('fails the batch when the compliance backend fails, so the facts kept stand', async () => {
    const p = new ComplianceFactProvider({
      records: {
        async getEntityRecords() {
          throw new Error('compliance backend answered 503');
        },
      },
      auth: mockServices.auth({ pluginId: 'scorecards' }),
    });
    await expect(
      p.computeFacts(batch([entity('Component', 'ledger')])),
    ).rejects.toThrow('compliance backend answered 503');
  });
});
