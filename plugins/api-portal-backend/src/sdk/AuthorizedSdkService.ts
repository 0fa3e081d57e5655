import { PermissionsService } from '@backstage/backend-plugin-api';
import {
  apiPortalEntityReadPermission,
  apiPortalEntityRefreshPermission,
  apiPortalSdkDownloadPermission,
} from '@readiness/plugin-api-portal-common';
import { requireOnEntity } from '../service/authorize';
import { SdkCallOptions, SdkService } from './SdkService';

/**
 * Checks the SDK permissions against the entity: listing needs
 * `api-portal.entity.read`, downloads (SDKs and Postman) need
 * `api-portal.sdk.download`, a build on request `api-portal.entity.refresh`.
 */
export class AuthorizedSdkService implements SdkService {
  constructor(
    private readonly inner: SdkService,
    private readonly permissions: PermissionsService,
  ) {}

  async listSdks(entityRef: string, options: SdkCallOptions) {
    await requireOnEntity(
      this.permissions,
      apiPortalEntityReadPermission,
      entityRef,
      options.credentials,
      'read the SDKs',
    );
    return this.inner.listSdks(entityRef, options);
  }

  async download(entityRef: string, language: string, options: SdkCallOptions) {
    await requireOnEntity(
      this.permissions,
      apiPortalSdkDownloadPermission,
      entityRef,
      options.credentials,
      'download the SDKs',
    );
    return this.inner.download(entityRef, language, options);
  }

  async build(entityRef: string, language: string, options: SdkCallOptions) {
    await requireOnEntity(
      this.permissions,
      apiPortalEntityRefreshPermission,
      entityRef,
      options.credentials,
      'build the SDKs',
    );
    return this.inner.build(entityRef, language, options);
  }

  async postmanCollection(entityRef: string, options: SdkCallOptions) {
    await requireOnEntity(
      this.permissions,
      apiPortalSdkDownloadPermission,
      entityRef,
      options.credentials,
      'download the Postman collection',
    );
    return this.inner.postmanCollection(entityRef, options);
  }
}
