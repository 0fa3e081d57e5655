import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { ReliabilityClient } from '@readiness/plugin-reliability-common';
import { reliabilityApiRef } from './api';

/** The record is kept for Components and for the Systems they make up. */
export const reliabilityEntityFilter = {
  kind: { $in: ['component', 'system'] },
};

const reliabilityApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: reliabilityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReliabilityClient({ discoveryApi, fetchApi }),
    }),
});

const reliabilityEntityContent = EntityContentBlueprint.make({
  name: 'reliability',
  params: {
    path: '/reliability',
    title: 'Reliability',
    filter: reliabilityEntityFilter,
    loader: () =>
      import('./components/EntityReliabilityContent').then(m => (
        <m.EntityReliabilityContent />
      )),
  },
});

const reliabilitySummaryCard = EntityCardBlueprint.make({
  name: 'reliability-summary',
  params: {
    type: 'info',
    filter: reliabilityEntityFilter,
    loader: () =>
      import('./components/EntityReliabilitySummaryCard').then(m => (
        <m.EntityReliabilitySummaryCard />
      )),
  },
});

/**
 * The reliability plugin for the new frontend system: a Reliability tab and
 * a summary card on the overview of Components and Systems.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'reliability',
  title: 'Reliability',
  extensions: [
    reliabilityApi,
    reliabilityEntityContent,
    reliabilitySummaryCard,
  ],
});
