import {
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import { complianceRecordsServiceRef } from '@readiness/plugin-compliance-node';
import {
  ScorecardFactProvider,
  scorecardsFactsExtensionPoint,
} from '@readiness/plugin-scorecards-node';
import complianceFactsModule from './module';

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

describe('the compliance facts module', () => {
  it('adds a compliance fact provider that reads through the compliance records service', async () => {
    const added: ScorecardFactProvider[] = [];
    const asked: Array<readonly string[]> = [];
    await startTestBackend({
      features: [
        scorecardsStandIn(added),
        complianceFactsModule,
        createServiceFactory({
          service: complianceRecordsServiceRef,
          deps: {},
          factory: () => ({
            async getEntityRecords(entityRefs) {
              asked.push(entityRefs);
              return [];
            },
          }),
        }),
      ],
    });
    expect(added.map(p => p.id)).toEqual(['compliance']);
    await added[0].computeFacts({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'ledger', namespace: 'default' },
        },
      ],
      now: '2026-12-06T04:00:00.000Z',
      signal: new AbortController().signal,
    });
    expect(asked).toEqual([['component:default/ledger']]);
  });
});
