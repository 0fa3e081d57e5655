import {
  BackstageCredentials,
  BackstageServicePrincipal,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { requireAllowed } from '@readiness/backend-http-utils';
import {
  CreatedWebhookEndpoint,
  partnerEventPushPermission,
  PushedWebhookEvent,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookEndpoint,
  WebhookEventType,
} from '@readiness/plugin-partner-common';
import { orgAccessOf } from '../service/orgAccess';
import { OrgAccess } from '../service/PartnerAppService';
import {
  EndpointUpdateInput,
  EventPushInput,
  NewEndpointInput,
  WebhookService,
} from './WebhookService';

type Caller = { credentials: BackstageCredentials };

/**
 * Decides whose webhooks a person reaches (as for apps: internal
 * administrators every org's, a partner their own orgs'), and lets only
 * service credentials holding partner.event.push push events.
 */
export class AuthorizedWebhookService {
  constructor(
    private readonly inner: WebhookService,
    private readonly permissions: PermissionsService,
    private readonly userInfo: UserInfoService,
  ) {}

  async listEventTypes(caller: Caller): Promise<WebhookEventType[]> {
    await this.access(caller);
    return this.inner.listEventTypes();
  }

  async listEndpoints(
    appId: string,
    caller: Caller,
  ): Promise<WebhookEndpoint[]> {
    return this.inner.listEndpoints(await this.access(caller), appId);
  }

  async getEndpoint(appId: string, endpointId: string, caller: Caller) {
    return this.inner.getEndpoint(await this.access(caller), appId, endpointId);
  }

  async createEndpoint(
    appId: string,
    input: NewEndpointInput,
    caller: Caller,
  ): Promise<CreatedWebhookEndpoint> {
    return this.inner.createEndpoint(await this.access(caller), appId, input);
  }

  async updateEndpoint(
    appId: string,
    endpointId: string,
    input: EndpointUpdateInput,
    caller: Caller,
  ): Promise<WebhookEndpoint> {
    return this.inner.updateEndpoint(
      await this.access(caller),
      appId,
      endpointId,
      input,
    );
  }

  async deleteEndpoint(appId: string, endpointId: string, caller: Caller) {
    return this.inner.deleteEndpoint(
      await this.access(caller),
      appId,
      endpointId,
    );
  }

  async rotateSecret(
    appId: string,
    endpointId: string,
    caller: Caller,
  ): Promise<CreatedWebhookEndpoint> {
    return this.inner.rotateSecret(
      await this.access(caller),
      appId,
      endpointId,
    );
  }

  async listDeliveries(
    appId: string,
    endpointId: string,
    query: { status?: string; cursor?: string; limit?: number },
    caller: Caller,
  ) {
    return this.inner.listDeliveries(
      await this.access(caller),
      appId,
      endpointId,
      query,
    );
  }

  async getDelivery(
    appId: string,
    endpointId: string,
    deliveryId: string,
    caller: Caller,
  ): Promise<WebhookDeliveryDetail> {
    return this.inner.getDelivery(
      await this.access(caller),
      appId,
      endpointId,
      deliveryId,
    );
  }

  async replayDelivery(
    appId: string,
    endpointId: string,
    deliveryId: string,
    caller: Caller,
  ): Promise<WebhookDelivery> {
    return this.inner.replayDelivery(
      await this.access(caller),
      appId,
      endpointId,
      deliveryId,
    );
  }

  async replaySince(
    appId: string,
    endpointId: string,
    input: { since: string; onlyFailed?: boolean },
    caller: Caller,
  ) {
    return this.inner.replaySince(
      await this.access(caller),
      appId,
      endpointId,
      input,
    );
  }

  /** Whether the caller may push events: settled before a body is read. */
  async authorizePush(caller: Caller): Promise<void> {
    await requireAllowed(
      this.permissions,
      caller.credentials,
      { permission: partnerEventPushPermission },
      'push webhook events',
    );
  }

  /** For the platform: service credentials with partner.event.push. */
  async pushEvent(
    input: EventPushInput,
    caller: Caller,
  ): Promise<PushedWebhookEvent> {
    await this.authorizePush(caller);
    const principal = caller.credentials.principal as BackstageServicePrincipal;
    return this.inner.pushEvent(input, principal.subject);
  }

  private access({ credentials }: Caller): Promise<OrgAccess> {
    return orgAccessOf(credentials, {
      permissions: this.permissions,
      userInfo: this.userInfo,
    });
  }
}
