import {
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import {
  ApiPortalService,
  apiPortalServiceRef,
} from '@readiness/plugin-api-portal-node';
import {
  ScorecardFactProvider,
  scorecardsFactsExtensionPoint,
} from '@readiness/plugin-scorecards-node';
import apiPortalFactsModule from './module';

/** Stands in for the scorecards backend: the owner of the extension point. */
function scorecardsStandIn(added: ScorecardFactProvider[]) {
  return createBackendPlugin({
    pluginId: 'scorecards',
    register(env) {
      env.registerExtensionPoint(scorecardsFactsExtensionPoint, {
        addFactProvider: (...providers) => added.push(...providers),
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

describe('the API portal facts module', () => {
  it('adds an API portal fact provider that reads through the api-portal service', async () => {
    const added: ScorecardFactProvider[] = [];
    const asked: string[] = [];
    // Every read answers 404: the entity is unknown to the stand-in
    const unknownEntity = (what: string) => async (entity: unknown) => {
      asked.push(`${what} ${JSON.stringify(entity)}`);
      throw Object.assign(new Error('not found'), { statusCode: 404 });
    };
    const stub = {
      listEntityRevisions: unknownEntity('revisions'),
      getFamily: unknownEntity('family'),
      getFamilyChangelog: unknownEntity('changelog'),
      listEntitySdks: unknownEntity('sdks'),
    } as unknown as ApiPortalService;
    await startTestBackend({
      features: [
        scorecardsStandIn(added),
        apiPortalFactsModule,
        createServiceFactory({
          service: apiPortalServiceRef,
          deps: {},
          factory: () => stub,
        }),
      ],
    });
    expect(added.map(p => p.id)).toEqual(['api-portal']);
    await expect(
      added[0].computeFacts({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'API',
            metadata: { name: 'ledger-api', namespace: 'default' },
          },
        ],
        now: '2026-12-06T04:00:00.000Z',
        signal: new AbortController().signal,
      }),
    ).resolves.toEqual([]);
    expect(asked).toContain(
      'revisions {"kind":"api","namespace":"default","name":"ledger-api"}',
    );
  });
});
