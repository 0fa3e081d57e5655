import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { clientApiExtension } from '@readiness/portal-react';
import { ReliabilityClient } from '@readiness/plugin-reliability-common';
import { reliabilityApiRef } from './api';

/** The record is kept for Components and for the Systems they make up. */
export const reliabilityEntityFilter = {
  kind: { $in: ['component', 'system'] },
};

const reliabilityApi = clientApiExtension(
  reliabilityApiRef,
  deps => new ReliabilityClient(deps),
);

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
