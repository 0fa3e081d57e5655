/*
 * The compliance plugin for apps on the old frontend system; `./alpha` has
 * the same extensions for the new one.
 */
import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { ComplianceClient } from '@readiness/plugin-compliance-common';
import { complianceApiRef } from './api';

/**
 * The compliance plugin: its client and the entity extensions below.
 *
 * @public
 */
export const compliancePlugin = createPlugin({
  id: 'compliance',
  apis: [
    createApiFactory({
      api: complianceApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ComplianceClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/**
 * The Compliance tab of Components, Systems, APIs and Resources; mount it
 * under the entity page at `compliance`, for internal users only (partners
 * are refused the record).
 *
 * @public
 */
export const EntityComplianceContent = compliancePlugin.provide(
  createComponentExtension({
    name: 'EntityComplianceContent',
    component: {
      lazy: () =>
        import('./components/EntityComplianceContent').then(
          m => m.EntityComplianceContent,
        ),
    },
  }),
);

/**
 * The compliance summary card of an entity's overview.
 *
 * @public
 */
export const EntityComplianceSummaryCard = compliancePlugin.provide(
  createComponentExtension({
    name: 'EntityComplianceSummaryCard',
    component: {
      lazy: () =>
        import('./components/EntityComplianceSummaryCard').then(
          m => m.EntityComplianceSummaryCard,
        ),
    },
  }),
);
