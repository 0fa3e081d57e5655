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
import {
  ComplianceClient,
  complianceEntityReadPermission,
} from '@readiness/plugin-compliance-common';
import { complianceApiRef } from './api';

/**
 * The kinds compliance/applicability.yaml can put controls on: services and
 * libraries, the systems they make up, APIs and resources.
 */
export const complianceEntityFilter = {
  kind: { $in: ['component', 'system', 'api', 'resource'] },
};

/**
 * Shown only to callers the permission policy lets read compliance records:
 * the audience policy denies it to partners, who then see no tab and no card.
 */
export const complianceReaders = {
  permissions: { $contains: complianceEntityReadPermission.name },
};

const complianceApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: complianceApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ComplianceClient({ discoveryApi, fetchApi }),
    }),
});

const complianceEntityContent = EntityContentBlueprint.make({
  name: 'compliance',
  if: complianceReaders,
  params: {
    path: '/compliance',
    title: 'Compliance',
    filter: complianceEntityFilter,
    loader: () =>
      import('./components/EntityComplianceContent').then(m => (
        <m.EntityComplianceContent />
      )),
  },
});

const complianceSummaryCard = EntityCardBlueprint.make({
  name: 'compliance-summary',
  if: complianceReaders,
  params: {
    type: 'info',
    filter: complianceEntityFilter,
    loader: () =>
      import('./components/EntityComplianceSummaryCard').then(m => (
        <m.EntityComplianceSummaryCard />
      )),
  },
});

/**
 * The compliance plugin for the new frontend system: a Compliance tab and a
 * summary card on the overview of Components, Systems, APIs and Resources,
 * for internal users.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'compliance',
  title: 'Compliance',
  extensions: [complianceApi, complianceEntityContent, complianceSummaryCard],
});
