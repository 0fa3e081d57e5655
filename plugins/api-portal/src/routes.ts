import { createRouteRef } from '@backstage/core-plugin-api';

/** The APIs readiness page, for apps on the old frontend system. */
export const apisReadinessRouteRef = createRouteRef({
  id: 'api-portal:apis-readiness',
});
