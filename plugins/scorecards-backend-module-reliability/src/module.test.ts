import {
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { RELIABILITY_CHANGED_TOPIC } from '@readiness/plugin-reliability-common';
import {
  ReliabilityService,
  reliabilityServiceRef,
} from '@readiness/plugin-reliability-node';
import {
  FactChange,
  ScorecardFactProvider,
  scorecardsFactsExtensionPoint,
} from '@readiness/plugin-scorecards-node';
import reliabilityFactsModule from './module';

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

describe('the reliability facts module', () => {
  it('adds a reliability fact provider that reads through the reliability service', async () => {
    const added: ScorecardFactProvider[] = [];
    const asked: Array<readonly string[]> = [];
    const stub = {
      async getEntityRecords(entityRefs: readonly string[]) {
        asked.push(entityRefs);
        return { items: [] };
      },
    } as unknown as ReliabilityService;
    await startTestBackend({
      features: [
        scorecardsStandIn(added),
        reliabilityFactsModule,
        createServiceFactory({
          service: reliabilityServiceRef,
          deps: {},
          factory: () => stub,
        }),
      ],
    });
    expect(added.map(p => p.id)).toEqual(['reliability']);
    await expect(
      added[0].computeFacts({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'ledger', namespace: 'default' },
          },
        ],
        now: '2026-12-06T04:00:00.000Z',
        signal: new AbortController().signal,
      }),
    ).resolves.toEqual([]);
    expect(asked).toEqual([['component:default/ledger']]);
  });

  it('tells the scorecards which entities the reliability backend says changed', async () => {
    const added: ScorecardFactProvider[] = [];
    const events = mockServices.events.mock();
    await startTestBackend({
      features: [
        scorecardsStandIn(added),
        reliabilityFactsModule,
        createServiceFactory({
          service: reliabilityServiceRef,
          deps: {},
          factory: () => ({} as ReliabilityService),
        }),
        events.factory,
      ],
    });
    expect(events.subscribe).toHaveBeenCalledTimes(1);
    const [{ topics, onEvent }] = events.subscribe.mock.calls[0];
    expect(topics).toEqual([RELIABILITY_CHANGED_TOPIC]);
    const heard: FactChange[] = [];
    const stop = added[0].subscribe!(change => heard.push(change));
    const event = (eventPayload: unknown) =>
      onEvent({ topic: RELIABILITY_CHANGED_TOPIC, eventPayload });
    await event({ record: 'drill', entityRefs: ['component:default/ledger'] });
    await event({ record: 'meteor', entityRefs: ['component:default/ocr'] });
    await event({ record: 'perf-run', entityRefs: [] });
    stop();
    await event({ record: 'drill', entityRefs: ['component:default/billing'] });
    expect(heard).toEqual([{ entityRefs: ['component:default/ledger'] }]);
  });
});
