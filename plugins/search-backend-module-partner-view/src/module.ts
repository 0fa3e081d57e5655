import {
  coreServices,
  createBackendModule,
  HttpAuthService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  partnerAudienceOf,
  rewriteJsonResponse,
} from '@readiness/backend-http-utils';
import express from 'express';

/**
 * Document fields a partner sees in search results. The collators also index
 * the owner of each entity and of its docs, which the partner view leaves out.
 *
 * @public
 */
export const PARTNER_DOCUMENT_FIELDS = [
  'title',
  'text',
  'location',
  'kind',
  'namespace',
  'name',
  'componentType',
  'type',
  'lifecycle',
  'path',
  'entityTitle',
];

type SearchAnswer = {
  results?: Array<{ document?: Record<string, unknown> }>;
};

/**
 * Middleware for the search plugin's router: partner users get results with
 * only the partner document fields. Which results they get is already decided
 * by the search backend's permission checks.
 *
 * @public
 */
export function createPartnerSearchFilter(options: {
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
}): express.RequestHandler {
  return async (req, res, next) => {
    if (req.method !== 'GET' || req.path !== '/query') {
      next();
      return;
    }
    try {
      if (await partnerAudienceOf(req, options.httpAuth, options.userInfo)) {
        rewriteJsonResponse(res, async body => {
          const answer = body as SearchAnswer;
          return {
            ...answer,
            results: (answer.results ?? []).map(result => ({
              ...result,
              document: Object.fromEntries(
                Object.entries(result.document ?? {}).filter(([key]) =>
                  PARTNER_DOCUMENT_FIELDS.includes(key),
                ),
              ),
            })),
          };
        });
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}

/**
 * Puts the partner view in front of the search plugin's query route.
 *
 * @public
 */
export default createBackendModule({
  pluginId: 'search',
  moduleId: 'partner-view',
  register(reg) {
    reg.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        userInfo: coreServices.userInfo,
      },
      async init({ httpRouter, httpAuth, userInfo }) {
        httpRouter.use(createPartnerSearchFilter({ httpAuth, userInfo }));
      },
    });
  },
});
