import { PermissionsService } from '@backstage/backend-plugin-api';
import {
  apiPortalEntityReadPermission,
  apiPortalEntityRefreshPermission,
  apiPortalSdkDownloadPermission,
} from '@readiness/plugin-api-portal-common';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import { requireOnEntity } from '@readiness/backend-http-utils';
import { sdkSourceNotFound } from '../service/notFound';
import { SdkCallOptions, SdkService } from './SdkService';

/**
 * Checks the SDK permissions against the entity: listing needs
 * `api-portal.entity.read`, downloads (SDKs and Postman) need
 * `api-portal.sdk.download`, a build on request `api-portal.entity.refresh`.
 * An entity the caller may not read is "not found", as one never collected.
 */
export class AuthorizedSdkService implements SdkService {
  constructor(
    private readonly inner: SdkService,
    private readonly permissions: PermissionsService,
  ) {}

  async listSdks(entityRef: string, options: SdkCallOptions) {
    await this.require(
      apiPortalEntityReadPermission,
      entityRef,
      options,
      'read the SDKs',
    );
    return this.inner.listSdks(entityRef, options);
  }

  async download(entityRef: string, language: string, options: SdkCallOptions) {
    await this.require(
      apiPortalSdkDownloadPermission,
      entityRef,
      options,
      'download the SDKs',
    );
    return this.inner.download(entityRef, language, options);
  }

  async build(entityRef: string, language: string, options: SdkCallOptions) {
    await this.require(
      apiPortalEntityRefreshPermission,
      entityRef,
      options,
      'build the SDKs',
    );
    return this.inner.build(entityRef, language, options);
  }

  async postmanCollection(entityRef: string, options: SdkCallOptions) {
    await this.require(
      apiPortalSdkDownloadPermission,
      entityRef,
      options,
      'download the Postman collection',
    );
    return this.inner.postmanCollection(entityRef, options);
  }

  private async require(
    permission: ResourcePermission<'catalog-entity'>,
    entityRef: string,
    options: SdkCallOptions,
    what: string,
  ) {
    await requireOnEntity(this.permissions, options.credentials, {
      permission,
      read: apiPortalEntityReadPermission,
      entityRef,
      what,
      notFound: sdkSourceNotFound(entityRef),
    });
  }
}
