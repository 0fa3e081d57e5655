import {
  createFrontendPlugin,
  createRouteRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { clientApiExtension, grantedTo } from '@readiness/portal-react';
import AssignmentIcon from '@material-ui/icons/Assignment';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
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
export const complianceReaders = grantedTo(complianceEntityReadPermission);

const complianceApi = clientApiExtension(
  complianceApiRef,
  deps => new ComplianceClient(deps),
);

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

const gdprEntityContent = EntityContentBlueprint.make({
  name: 'gdpr',
  if: complianceReaders,
  params: {
    path: '/gdpr',
    title: 'GDPR',
    // Services keep records; a component without one is told how to add it
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityGdprContent').then(m => (
        <m.EntityGdprContent />
      )),
  },
});

const gdprRegisterRouteRef = createRouteRef();

const gdprRegisterPage = PageBlueprint.make({
  name: 'gdpr-register',
  if: complianceReaders,
  params: {
    path: '/gdpr',
    routeRef: gdprRegisterRouteRef,
    title: 'GDPR register',
    icon: <AssignmentIcon fontSize="inherit" />,
    loader: () =>
      import('./components/GdprRegisterPage').then(m => (
        <m.GdprRegisterContent />
      )),
  },
});

const complianceMatrixRouteRef = createRouteRef();

// The sidebar lists pages with a route ref, a title and an icon; without the
// permission the page is left out of the app, and its nav item with it.
const complianceMatrixPage = PageBlueprint.make({
  if: complianceReaders,
  params: {
    path: '/compliance',
    routeRef: complianceMatrixRouteRef,
    title: 'Compliance',
    icon: <VerifiedUserIcon fontSize="inherit" />,
    loader: () =>
      import('./components/ComplianceMatrixPage').then(m => (
        <m.ComplianceMatrixContent />
      )),
  },
});

/**
 * The compliance plugin for the new frontend system: a Compliance tab and a
 * summary card on the overview of Components, Systems, APIs and Resources,
 * the framework matrix page at /compliance, a GDPR tab on Components and the
 * GDPR register page at /gdpr, for internal users.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'compliance',
  title: 'Compliance',
  extensions: [
    complianceApi,
    complianceEntityContent,
    complianceSummaryCard,
    complianceMatrixPage,
    gdprEntityContent,
    gdprRegisterPage,
  ],
});
