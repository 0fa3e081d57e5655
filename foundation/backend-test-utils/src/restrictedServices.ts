import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';

/**
 * The Authorization header of a service caller with the given subject, as a
 * static token of that subject sends it to a plugin.
 *
 * @public
 */
export function serviceHeader(subject: string, targetPluginId: string) {
  return mockCredentials.service.header({
    onBehalfOf: mockCredentials.service(subject),
    targetPluginId,
  });
}

/**
 * A test backend's HTTP auth in which the tokens of these service subjects
 * hold only the named permissions, as production's restricted static tokens
 * do: `{ 'dr-publisher': ['reliability.drill.publish'] }`.
 *
 * @public
 */
export function restrictedServicesHttpAuthFactory(
  restricted: Record<string, string[]>,
) {
  return createServiceFactory({
    service: coreServices.httpAuth,
    deps: { plugin: coreServices.pluginMetadata },
    factory: ({ plugin }): HttpAuthService => {
      const inner = mockServices.httpAuth({ pluginId: plugin.getId() });
      return {
        async credentials(req: any, options?: any) {
          const credentials: BackstageCredentials = await inner.credentials(
            req,
            options,
          );
          const principal = credentials.principal as {
            type: string;
            subject?: string;
          };
          const names =
            principal.type === 'service' && restricted[principal.subject ?? ''];
          return (
            names
              ? mockCredentials.service(principal.subject, {
                  permissionNames: names,
                })
              : credentials
          ) as any;
        },
        issueUserCookie: (res, options) => inner.issueUserCookie(res, options),
      };
    },
  });
}
