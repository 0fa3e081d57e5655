import {
  createFrontendPlugin,
  createRouteRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { clientApiExtension } from '@readiness/portal-react';
import AssessmentIcon from '@material-ui/icons/Assessment';
import { ApiPortalClient } from '@readiness/plugin-api-portal-common';
import { apiPortalApiRef } from './api';
import { API_PORTAL_TAB_PATH } from './components/paths';

const apiPortalApi = clientApiExtension(
  apiPortalApiRef,
  deps => new ApiPortalClient(deps),
);

const apiPortalEntityContent = EntityContentBlueprint.make({
  name: 'api-portal',
  params: {
    path: `/${API_PORTAL_TAB_PATH}`,
    title: 'API Portal',
    filter: { kind: 'api' },
    loader: () =>
      import('./components/EntityApiPortal').then(m => (
        <m.EntityApiPortalContent />
      )),
  },
});

const providedApisCard = EntityCardBlueprint.make({
  name: 'provided-apis',
  params: {
    type: 'info',
    filter: { kind: 'component' },
    loader: () =>
      import('./components/ProvidedApisCard').then(m => <m.ProvidedApisCard />),
  },
});

const apisReadinessRouteRef = createRouteRef();

// The sidebar lists pages that have a route ref, a title and an icon.
const apisReadinessPage = PageBlueprint.make({
  params: {
    path: '/api-readiness',
    routeRef: apisReadinessRouteRef,
    title: 'APIs readiness',
    icon: <AssessmentIcon fontSize="inherit" />,
    loader: () =>
      import('./components/ApisReadinessPage').then(m => (
        <m.ApisReadinessContent />
      )),
  },
});

/**
 * The API portal for the new frontend system: an API Portal tab on API
 * entities with versions, reference, lint, changelog and SDKs, a Provided
 * APIs card on components and the APIs readiness page.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'api-portal',
  title: 'API Portal',
  routes: { apisReadiness: apisReadinessRouteRef },
  extensions: [
    apiPortalApi,
    apiPortalEntityContent,
    providedApisCard,
    apisReadinessPage,
  ],
});
