/*
 * The security schemes of a document as generated clients use them: how a
 * credential is sent, the same for Swagger 2.0 and OpenAPI 3.
 */
import {
  isJsonObject as isObject,
  type JsonObject,
  type OpenApiReader,
} from '../reader';
import { asObject, asString } from './document';

/**
 * How a client sends a credential: a bearer token (HTTP bearer, OAuth 2.0,
 * OpenID Connect), HTTP basic, or an API key; `unsupported` for anything else
 * (HTTP digest, mutual TLS, ...).
 *
 * @public
 */
export type CredentialKind = 'bearer' | 'basic' | 'apiKey' | 'unsupported';

/**
 * A security scheme of a document, the same for Swagger 2.0 and OpenAPI 3.
 *
 * @public
 */
export interface SecurityScheme {
  /** Its key in `securitySchemes` / `securityDefinitions`. */
  name: string;
  kind: CredentialKind;
  /** The scheme's `type` as written, e.g. `oauth2`. */
  type: string;
  description?: string;
  /** For API keys: where the key goes and under which name. */
  in?: 'header' | 'query' | 'cookie';
  parameterName?: string;
  /** For OAuth 2.0: the client-credentials token URL, if that flow exists. */
  clientCredentialsTokenUrl?: string;
  /** For OAuth 2.0: the authorization URL of the authorization-code flow. */
  authorizationUrl?: string;
  /** For OAuth 2.0: every scope any flow names. */
  scopes: string[];
  /** For OpenID Connect: the discovery URL. */
  openIdConnectUrl?: string;
}

function scopesOf(flow: JsonObject): string[] {
  return Object.keys(asObject(flow.scopes));
}

function normalize(name: string, raw: JsonObject): SecurityScheme {
  const type = asString(raw.type) ?? 'unknown';
  const base = {
    name,
    type,
    description: asString(raw.description),
    scopes: [] as string[],
  };
  switch (type) {
    case 'http': {
      const scheme = asString(raw.scheme)?.toLocaleLowerCase('en-US');
      if (scheme === 'bearer') return { ...base, kind: 'bearer' };
      if (scheme === 'basic') return { ...base, kind: 'basic' };
      return { ...base, kind: 'unsupported' };
    }
    case 'basic':
      return { ...base, kind: 'basic' };
    case 'apiKey': {
      const where = asString(raw.in);
      const parameterName = asString(raw.name);
      if (
        !parameterName ||
        (where !== 'header' && where !== 'query' && where !== 'cookie')
      ) {
        return { ...base, kind: 'unsupported' };
      }
      return { ...base, kind: 'apiKey', in: where, parameterName };
    }
    case 'oauth2': {
      const scopes = new Set<string>(scopesOf(raw));
      let clientCredentialsTokenUrl: string | undefined;
      let authorizationUrl: string | undefined;
      // Swagger 2.0: one `flow`; `application` is client credentials.
      if (asString(raw.flow) === 'application') {
        clientCredentialsTokenUrl = asString(raw.tokenUrl);
      }
      if (asString(raw.flow) === 'accessCode') {
        authorizationUrl = asString(raw.authorizationUrl);
      }
      for (const [flowName, flow] of Object.entries(asObject(raw.flows))) {
        if (!isObject(flow)) continue;
        scopesOf(flow).forEach(s => scopes.add(s));
        if (flowName === 'clientCredentials') {
          clientCredentialsTokenUrl = asString(flow.tokenUrl);
        }
        if (flowName === 'authorizationCode') {
          authorizationUrl = asString(flow.authorizationUrl);
        }
      }
      return {
        ...base,
        kind: 'bearer',
        scopes: [...scopes],
        clientCredentialsTokenUrl,
        authorizationUrl,
      };
    }
    case 'openIdConnect':
      return {
        ...base,
        kind: 'bearer',
        openIdConnectUrl: asString(raw.openIdConnectUrl),
      };
    default:
      return { ...base, kind: 'unsupported' };
  }
}

/**
 * The security schemes a document defines, in document order.
 *
 * @public
 */
export function securitySchemesOf(reader: OpenApiReader): SecurityScheme[] {
  const schemes: SecurityScheme[] = [];
  for (const { name, value } of reader.components('securitySchemes')) {
    const scheme = reader.resolveObject(value);
    if (scheme) schemes.push(normalize(name, scheme));
  }
  return schemes;
}
