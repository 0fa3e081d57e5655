import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  ReliabilityPublications,
  ReliabilityPublicationSource,
  reliabilityPublicationSourcesExtensionPoint,
} from '@readiness/plugin-reliability-node';
import request from 'supertest';
import { callers, entity, startReliability } from '../__testUtils__/harness';

function sourcesModule(...sources: ReliabilityPublicationSource[]) {
  return createBackendModule({
    pluginId: 'reliability',
    moduleId: 'test-sources',
    register(reg) {
      reg.registerInit({
        deps: { points: reliabilityPublicationSourcesExtensionPoint },
        async init({ points }) {
          points.addPublicationSource(...sources);
        },
      });
    },
  });
}

const RUN = {
  run: {
    entityRef: 'component:default/ledger',
    scenario: 'ledger-post',
    environment: 'staging',
    startedAt: '2026-12-01T02:00:00Z',
    finishedAt: '2026-12-01T02:10:00Z',
    idempotencyKey: 'importer-1',
  },
  results: {
    metrics: {
      http_req_duration: {
        type: 'trend',
        contains: 'time',
        values: { avg: 120, med: 100, 'p(95)': 180, 'p(99)': 260 },
      },
    },
  },
};

describe('reliability publication sources', () => {
  it('hands each source, once started, the services the HTTP API publishes through', async () => {
    const connected: string[] = [];
    let publications: ReliabilityPublications | undefined;
    const server = await startReliability({
      entities: [entity('Component', 'ledger')],
      features: [
        sourcesModule(
          {
            name: 'importer',
            async connect(p) {
              connected.push('importer');
              publications = p;
            },
          },
          {
            name: 'other',
            async connect() {
              connected.push('other');
            },
          },
        ),
      ],
    });
    expect(connected).toEqual(['importer', 'other']);

    const published = await publications!.publishRun(RUN, {
      credentials: mockCredentials.service('plugin:reliability'),
    });
    expect(published.created).toBe(true);
    const again = await publications!.publishRun(RUN, {
      credentials: mockCredentials.service('plugin:reliability'),
    });
    expect(again).toMatchObject({
      created: false,
      run: { id: published.run.id },
    });
    // Readers find it where pipelines' runs are
    const listed = await request(server)
      .get('/api/reliability/v1/runs?entityRef=component:default/ledger')
      .set('Authorization', callers.internal);
    expect(listed.body.items.map((r: { id: string }) => r.id)).toEqual([
      published.run.id,
    ]);

    // The same checks as over HTTP: validation, the catalog, authorization
    await expect(
      publications!.publishRun(
        { ...RUN, run: { ...RUN.run, finishedAt: '2026-12-01T01:00:00Z' } },
        { credentials: mockCredentials.service('plugin:reliability') },
      ),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: '/finishedAt: is before startedAt',
    });
    await expect(
      publications!.publishRun(
        { ...RUN, run: { ...RUN.run, entityRef: 'component:default/nope' } },
        { credentials: mockCredentials.service('plugin:reliability') },
      ),
    ).rejects.toMatchObject({ name: 'InputError' });
    await expect(
      publications!.publishRun(RUN, {
        credentials: mockCredentials.user('user:default/maria.lopez'),
      }),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
  });

  it('refuses a second source with the same name', async () => {
    const source = { name: 'importer', connect: async () => {} };
    await expect(
      startReliability({
        entities: [],
        features: [sourcesModule(source, { ...source })],
      }),
    ).rejects.toThrow(
      'A reliability publication source named importer was added twice',
    );
  });
});
