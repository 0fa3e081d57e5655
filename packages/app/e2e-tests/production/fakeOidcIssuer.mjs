// A stand-in OpenID Connect issuer for the production-config test: it serves
// the discovery document and keys, so the backend's OIDC provider starts as it
// would against the company's identity provider. It never signs anyone in.
import http from 'node:http';

const port = Number(process.env.FAKE_OIDC_PORT ?? 7018);
const issuer = `http://127.0.0.1:${port}`;

const documents = {
  '/.well-known/openid-configuration': {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    userinfo_endpoint: `${issuer}/userinfo`,
    jwks_uri: `${issuer}/jwks`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'profile', 'email'],
  },
  '/jwks': { keys: [] },
};

http
  .createServer((req, res) => {
    const body = documents[new URL(req.url, issuer).pathname];
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? { error: 'not found' }));
  })
  .listen(port, '127.0.0.1');
