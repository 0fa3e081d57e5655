/*
 * The compliance plugin for apps on the old frontend system; `./alpha` has
 * the same extensions for the new one.
 */
import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
} from '@backstage/core-plugin-api';
import { clientApiFactory } from '@readiness/portal-react';
import { ComplianceClient } from '@readiness/plugin-compliance-common';
import { complianceApiRef } from './api';

/**
 * The route of the framework matrix page.
 *
 * @public
 */
export const complianceMatrixRouteRef = createRouteRef({
  id: 'compliance-matrix',
});

/**
 * The compliance plugin: its client, the matrix page and the entity
 * extensions below.
 *
 * @public
 */
export const compliancePlugin = createPlugin({
  id: 'compliance',
  routes: { matrix: complianceMatrixRouteRef },
  apis: [
    clientApiFactory(complianceApiRef, deps => new ComplianceClient(deps)),
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

/**
 * The framework matrix page: a framework's controls × systems or owners.
 * Mount it at `/compliance` for internal users only (partners are refused
 * the matrix).
 *
 * @public
 */
export const ComplianceMatrixPage = compliancePlugin.provide(
  createRoutableExtension({
    name: 'ComplianceMatrixPage',
    component: () =>
      import('./components/ComplianceMatrixPage').then(
        m => m.ComplianceMatrixPage,
      ),
    mountPoint: complianceMatrixRouteRef,
  }),
);
