import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { ApiPortalClient } from '@readiness/plugin-api-portal-common';
import { apiPortalApiRef } from './api';

const apiPortalApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: apiPortalApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ApiPortalClient({ discoveryApi, fetchApi }),
    }),
});

const apiPortalEntityContent = EntityContentBlueprint.make({
  name: 'api-portal',
  params: {
    path: '/api-portal',
    title: 'API Portal',
    filter: { kind: 'api' },
    loader: () =>
      import('./components/EntityApiPortal').then(m => (
        <m.EntityApiPortalContent />
      )),
  },
});

/**
 * The API portal for the new frontend system: an API Portal tab on API
 * entities with versions, reference, lint, changelog and SDKs.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'api-portal',
  title: 'API Portal',
  extensions: [apiPortalApi, apiPortalEntityContent],
});
