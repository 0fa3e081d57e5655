import {
  BackstageCredentials,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { requireAllowed } from '@readiness/backend-http-utils';
import {
  CreatedSandboxKey,
  PartnerApp,
  partnerKeyVerifyPermission,
  SandboxKey,
  SandboxKeyVerification,
} from '@readiness/plugin-partner-common';
import {
  NewAppInput,
  NewKeyInput,
  OrgAccess,
  PartnerAppService,
} from './PartnerAppService';
import { orgAccessOf } from './orgAccess';

type Caller = { credentials: BackstageCredentials };

/**
 * Decides whose apps a caller reaches, then asks the inner service with
 * exactly that: internal administrators every org's, a partner their own
 * orgs' (from their `partner-<org>` groups, never from the request).
 */
export class AuthorizedPartnerAppService {
  constructor(
    private readonly inner: PartnerAppService,
    private readonly permissions: PermissionsService,
    private readonly userInfo: UserInfoService,
  ) {}

  async listApps(
    query: { org?: string; cursor?: string; limit?: number },
    caller: Caller,
  ) {
    return this.inner.listApps(await this.access(caller), query);
  }

  async getApp(appId: string, caller: Caller): Promise<PartnerApp> {
    return this.inner.getApp(await this.access(caller), appId);
  }

  async createApp(input: NewAppInput, caller: Caller): Promise<PartnerApp> {
    return this.inner.createApp(await this.access(caller), input);
  }

  async listKeys(appId: string, caller: Caller): Promise<SandboxKey[]> {
    return this.inner.listKeys(await this.access(caller), appId);
  }

  async createKey(
    appId: string,
    input: NewKeyInput,
    caller: Caller,
  ): Promise<CreatedSandboxKey> {
    return this.inner.createKey(await this.access(caller), appId, input);
  }

  async revokeKey(
    appId: string,
    keyId: string,
    caller: Caller,
  ): Promise<SandboxKey> {
    return this.inner.revokeKey(await this.access(caller), appId, keyId);
  }

  async rotateKey(appId: string, keyId: string, caller: Caller) {
    return this.inner.rotateKey(await this.access(caller), appId, keyId);
  }

  /** For the sandbox gateway: service credentials with partner.key.verify. */
  async verifyKey(
    secret: string,
    caller: Caller,
  ): Promise<SandboxKeyVerification> {
    await requireAllowed(
      this.permissions,
      caller.credentials,
      { permission: partnerKeyVerifyPermission },
      'verify sandbox keys',
    );
    return this.inner.verifyKey(secret);
  }

  private access({ credentials }: Caller): Promise<OrgAccess> {
    return orgAccessOf(credentials, {
      permissions: this.permissions,
      userInfo: this.userInfo,
    });
  }
}
