import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  RELIABILITY_CHANGED_TOPIC,
  readReliabilityChange,
} from '@readiness/plugin-reliability-common';
import { reliabilityServiceRef } from '@readiness/plugin-reliability-node';
import { scorecardsFactsExtensionPoint } from '@readiness/plugin-scorecards-node';
import { ReliabilityFactProvider } from './ReliabilityFactProvider';

/**
 * Provides the reliability facts to the scorecards backend, read from the
 * reliability backend with the module's own service credentials, and has
 * the entities whose records the reliability backend says changed scored
 * again at once.
 *
 * @public
 */
export default createBackendModule({
  pluginId: 'scorecards',
  moduleId: 'reliability',
  register(reg) {
    reg.registerInit({
      deps: {
        facts: scorecardsFactsExtensionPoint,
        reliability: reliabilityServiceRef,
        auth: coreServices.auth,
        events: eventsServiceRef,
      },
      async init({ facts, reliability, auth, events }) {
        const provider = new ReliabilityFactProvider({ reliability, auth });
        facts.addFactProvider(provider);
        // Runs, drills, backup verifications and gate verdicts stored are
        // scored at once, not only at the nightly recompute
        await events.subscribe({
          id: 'scorecards-reliability-facts',
          topics: [RELIABILITY_CHANGED_TOPIC],
          onEvent: async event => {
            const change = readReliabilityChange(event.eventPayload);
            if (change) provider.recordsChanged(change);
          },
        });
      },
    });
  },
});
