import {
  apiLabel,
  type SecurityScheme,
} from '@readiness/plugin-api-portal-common';
import {
  ClientMethod,
  CredentialArgument,
  MethodParameter,
} from './clientPlan';
import { pyComment, pyDocstring, pyString } from './literals';
import { renderType } from './pyTypes';

/** Helpers every client shares; only the standard library. */
const RUNTIME = `
class ApiError(Exception):
    """The API answered with an error status (400 or above).

    Attributes:
        status: The HTTP status code.
        body: The response body: decoded JSON, text, or None when empty.
        headers: The response headers.
    """

    def __init__(self, status: int, body: Any, headers: Mapping[str, str]) -> None:
        super().__init__(f"HTTP {status}: {_preview(body)}")
        self.status = status
        self.body = body
        self.headers: Dict[str, str] = dict(headers)


def _preview(body: Any) -> str:
    text = body if isinstance(body, str) else json.dumps(body, default=str)
    return text if len(text) <= 300 else text[:299] + "..."


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":"))
    return str(value)


def _pairs(values: Sequence[Tuple[str, Any, bool]]) -> List[Tuple[str, str]]:
    """Query or form pairs; None is left out, lists repeat or join with commas."""
    pairs: List[Tuple[str, str]] = []
    for name, value, explode in values:
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            if explode:
                pairs.extend((name, _text(item)) for item in value)
            else:
                pairs.append((name, ",".join(_text(item) for item in value)))
        else:
            pairs.append((name, _text(value)))
    return pairs


def _path(template: str, values: Mapping[str, Any]) -> str:
    def replace(match: "re.Match[str]") -> str:
        name = match.group(1)
        if name not in values:
            return match.group(0)
        value = values[name]
        if isinstance(value, (list, tuple)):
            value = ",".join(_text(item) for item in value)
        return urllib.parse.quote(_text(value), safe="")

    return re.sub(r"\\{([^}]+)\\}", replace, template)


def _decode(content_type: Optional[str], raw: bytes, expect_json: bool, text: bool) -> Any:
    if not raw:
        return None
    media = (content_type or "").split(";")[0].strip().lower()
    if media == "application/json" or media.endswith("+json") or (not media and expect_json):
        try:
            return json.loads(raw.decode("utf-8"))
        except ValueError:
            if not text:
                raise
    if text:
        return raw.decode("utf-8", errors="replace")
    return raw
`;

const REQUEST = `
    def _request(
        self,
        method: str,
        path: str,
        *,
        query: Sequence[Tuple[str, Any, bool]] = (),
        headers: Sequence[Tuple[str, Any]] = (),
        cookies: Sequence[Tuple[str, Any]] = (),
        body: Any = None,
        body_encoding: Optional[str] = None,
        content_type: Optional[str] = None,
        security: Sequence[Sequence[str]] = (),
        expect_json: bool = True,
    ) -> Any:
        request_headers: Dict[str, str] = {"Accept": "application/json, */*;q=0.5"}
        request_headers.update(self.headers)
        for name, value in headers:
            if value is not None:
                request_headers[name] = _text(value) if not isinstance(value, (list, tuple)) else ",".join(_text(v) for v in value)
        query_pairs = _pairs(query)
        cookie_pairs = [(name, _text(value)) for name, value in cookies if value is not None]
        self._authenticate(security, request_headers, query_pairs, cookie_pairs)
        if cookie_pairs:
            request_headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookie_pairs)
        data: Optional[bytes] = None
        if body_encoding == "json" and body is not None:
            data = json.dumps(body).encode("utf-8")
            request_headers["Content-Type"] = content_type or "application/json"
        elif body_encoding == "form" and body is not None:
            data = urllib.parse.urlencode(_pairs([(k, v, True) for k, v in body.items()])).encode("ascii")
            request_headers["Content-Type"] = content_type or "application/x-www-form-urlencoded"
        elif body is not None:
            data = body.encode("utf-8") if isinstance(body, str) else bytes(body)
            request_headers["Content-Type"] = content_type or "application/octet-stream"
        url = self.base_url + path
        if query_pairs:
            url += ("&" if "?" in url else "?") + urllib.parse.urlencode(query_pairs)
        request = urllib.request.Request(url, data=data, headers=request_headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return _decode(response.headers.get("Content-Type"), response.read(), expect_json, False)
        except urllib.error.HTTPError as error:
            raw = error.read()
            raise ApiError(error.code, _decode(error.headers.get("Content-Type"), raw, True, True), error.headers) from None

    def _authenticate(
        self,
        security: Sequence[Sequence[str]],
        headers: Dict[str, str],
        query: List[Tuple[str, str]],
        cookies: List[Tuple[str, str]],
    ) -> None:
        """Sends the credentials of the first requirement that all given credentials meet."""
        for requirement in security:
            if not requirement or not all(self._credentials.get(name) for name in requirement):
                continue
            for name in requirement:
                kind, location, key = _SECURITY_SCHEMES[name]
                value = self._credentials[name] or ""
                if kind == "bearer":
                    headers["Authorization"] = "Bearer " + value
                elif kind == "basic":
                    headers["Authorization"] = "Basic " + value
                elif location == "query":
                    query.append((key, value))
                elif location == "cookie":
                    cookies.append((key, value))
                else:
                    headers[key] = value
            return
`;

function tokenHelper(tokenUrl: string): string {
  return `
TOKEN_URL = ${pyString(tokenUrl)}


def fetch_client_credentials_token(
    client_id: str,
    client_secret: str,
    scopes: Optional[Sequence[str]] = None,
    token_url: str = TOKEN_URL,
    timeout: float = 30.0,
) -> str:
    """Gets an OAuth 2.0 access token with the client-credentials flow.

    Pass the token to \`Client(access_token=...)\`; it expires, so fetch a new
    one when the API answers 401.
    """
    form = {"grant_type": "client_credentials"}
    if scopes:
        form["scope"] = " ".join(scopes)
    basic = urllib.parse.quote(client_id, safe="") + ":" + urllib.parse.quote(client_secret, safe="")
    request = urllib.request.Request(
        token_url,
        data=urllib.parse.urlencode(form).encode("ascii"),
        method="POST",
        headers={
            "Authorization": "Basic " + base64.b64encode(basic.encode("utf-8")).decode("ascii"),
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/json",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            payload = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        raise ApiError(error.code, _decode(error.headers.get("Content-Type"), error.read(), True, True), error.headers) from None
    return str(payload["access_token"])
`;
}

function credentialDoc(arg: CredentialArgument): string {
  const names = arg.schemes.map(s => s.name).join(', ');
  switch (arg.kind) {
    case 'bearer':
      return `${arg.pyName}: Access token sent as \`Authorization: Bearer ...\` (schemes: ${names}).`;
    case 'basic-username':
      return `${arg.pyName}: User name for HTTP basic authentication (schemes: ${names}).`;
    case 'basic-password':
      return `${arg.pyName}: Password for HTTP basic authentication.`;
    default: {
      const scheme = arg.schemes[0];
      return `${arg.pyName}: API key sent in the ${scheme.in} parameter \`${scheme.parameterName}\` (scheme: ${scheme.name}).`;
    }
  }
}

function renderInit(
  credentials: CredentialArgument[],
  schemes: SecurityScheme[],
  title: string,
): string {
  const lines: string[] = [];
  const doc = [
    `Client for the ${apiLabel(title)}.`,
    '',
    'Args:',
    '    base_url: The API root URL, without a trailing slash.',
    ...credentials.map(c => `    ${credentialDoc(c)}`),
    '    timeout: Seconds to wait for each response.',
    '    headers: Extra headers sent with every request.',
  ].join('\n');
  lines.push('class Client:');
  lines.push(pyDocstring(doc, 4) ?? '');
  lines.push('');
  lines.push('    def __init__(');
  lines.push('        self,');
  lines.push('        base_url: str = DEFAULT_BASE_URL,');
  lines.push('        *,');
  for (const c of credentials) {
    lines.push(`        ${c.pyName}: Optional[str] = None,`);
  }
  lines.push('        timeout: float = 30.0,');
  lines.push('        headers: Optional[Mapping[str, str]] = None,');
  lines.push('    ) -> None:');
  lines.push('        if not base_url:');
  lines.push(
    '            raise ValueError("base_url is required: the API description names no absolute server URL")',
  );
  lines.push('        self.base_url = base_url.rstrip("/")');
  lines.push('        self.timeout = timeout');
  lines.push('        self.headers: Dict[str, str] = dict(headers or {})');
  const username = credentials.find(c => c.kind === 'basic-username');
  const password = credentials.find(c => c.kind === 'basic-password');
  if (username && password) {
    lines.push('        basic: Optional[str] = None');
    lines.push(
      `        if ${username.pyName} is not None and ${password.pyName} is not None:`,
    );
    lines.push(
      `            basic = base64.b64encode(f"{${username.pyName}}:{${password.pyName}}".encode("utf-8")).decode("ascii")`,
    );
  }
  lines.push('        self._credentials: Dict[str, Optional[str]] = {');
  for (const scheme of schemes) {
    let value: string | undefined;
    if (scheme.kind === 'basic') value = 'basic';
    else {
      value = credentials.find(
        c =>
          (c.kind === 'bearer' || c.kind === 'apiKey') &&
          c.schemes.includes(scheme),
      )?.pyName;
    }
    if (value) lines.push(`            ${pyString(scheme.name)}: ${value},`);
  }
  lines.push('        }');
  return lines.join('\n');
}

function describeParameter(p: MethodParameter): string {
  const where = p.in === 'path' ? 'path' : `${p.in} \`${p.wireName}\``;
  const text = p.description ? pyComment(p.description, 160) : '';
  return `${p.pyName}: ${text || `The ${where} parameter.`}`;
}

function renderMethod(method: ClientMethod): string {
  const { operation, parameters, body } = method;
  const requiredParams = parameters.filter(p => p.required);
  const optionalParams = parameters.filter(p => !p.required);
  const signature: string[] = ['        self,'];
  for (const p of requiredParams) {
    signature.push(`        ${p.pyName}: ${renderType(p.type, 'client')},`);
  }
  if (body?.required) {
    signature.push(
      `        ${body.pyName}: ${renderType(body.type, 'client')},`,
    );
  }
  const keywordOnly: string[] = [];
  if (body && !body.required) {
    keywordOnly.push(
      `        ${body.pyName}: Optional[${renderType(
        body.type,
        'client',
      )}] = None,`,
    );
  }
  for (const p of optionalParams) {
    keywordOnly.push(
      `        ${p.pyName}: Optional[${renderType(p.type, 'client')}] = None,`,
    );
  }
  if (body?.contentTypeName) {
    keywordOnly.push(
      `        ${body.contentTypeName}: str = ${pyString(body.mediaType)},`,
    );
  }
  if (keywordOnly.length > 0) signature.push('        *,', ...keywordOnly);

  const docLines: string[] = [];
  const heading = operation.summary ?? '';
  if (heading) docLines.push(heading.trim(), '');
  if (
    operation.description &&
    operation.description.trim() !== heading.trim()
  ) {
    docLines.push(operation.description.trim(), '');
  }
  if (operation.deprecated) docLines.push('Deprecated.', '');
  docLines.push(`HTTP: \`${operation.method} ${operation.path}\``);
  const argDocs = parameters.map(describeParameter);
  if (body)
    argDocs.push(`${body.pyName}: The request body (${body.mediaType}).`);
  if (argDocs.length > 0) {
    docLines.push('', 'Args:', ...argDocs.map(a => `    ${a}`));
  }
  docLines.push(
    '',
    'Raises:',
    '    ApiError: The API answered with an error status.',
  );

  const byLocation = (location: string) =>
    parameters.filter(p => p.in === location);
  const pathValues = byLocation('path')
    .map(p => `${pyString(p.wireName)}: ${p.pyName}`)
    .join(', ');
  const call: string[] = [
    `            ${pyString(operation.method)},`,
    `            _path(${pyString(operation.path)}, {${pathValues}}),`,
  ];
  const query = byLocation('query');
  if (query.length > 0) {
    const items = query.map(
      p =>
        `(${pyString(p.wireName)}, ${p.pyName}, ${
          p.explode ? 'True' : 'False'
        })`,
    );
    call.push(`            query=[${items.join(', ')}],`);
  }
  for (const location of ['header', 'cookie']) {
    const list = byLocation(location);
    if (list.length > 0) {
      const items = list.map(p => `(${pyString(p.wireName)}, ${p.pyName})`);
      call.push(`            ${location}s=[${items.join(', ')}],`);
    }
  }
  if (body) {
    call.push(`            body=${body.pyName},`);
    call.push(`            body_encoding=${pyString(body.encoding)},`);
    call.push(
      `            content_type=${
        body.contentTypeName ?? pyString(body.mediaType)
      },`,
    );
  }
  const security = method.security
    .map(alt => `[${alt.map(pyString).join(', ')}]`)
    .join(', ');
  call.push(`            security=[${security}],`);
  call.push(
    `            expect_json=${method.expectsJson ? 'True' : 'False'},`,
  );

  return [
    `    def ${method.name}(`,
    ...signature,
    `    ) -> ${renderType(method.returns, 'client')}:`,
    pyDocstring(docLines.join('\n'), 8) ?? '',
    '        return self._request(',
    ...call,
    '        )',
  ].join('\n');
}

/** The source of `client.py`. */
export function renderClient(options: {
  title: string;
  defaultBaseUrl: string;
  schemes: SecurityScheme[];
  credentials: CredentialArgument[];
  methods: ClientMethod[];
  tokenUrl?: string;
}): string {
  const { title, defaultBaseUrl, schemes, credentials, methods, tokenUrl } =
    options;
  const usable = schemes.filter(s => s.kind !== 'unsupported');
  const schemeTable = usable.map(s => {
    const location = s.kind === 'apiKey' ? s.in : 'header';
    const key = s.kind === 'apiKey' ? s.parameterName! : 'Authorization';
    return `    ${pyString(s.name)}: (${pyString(s.kind)}, ${pyString(
      location!,
    )}, ${pyString(key)}),`;
  });
  const header = [
    pyDocstring(
      `Client for the ${apiLabel(
        title,
      )}.\n\nGenerated from the API's OpenAPI description; it uses only the Python\nstandard library (urllib.request and json).`,
      0,
    ),
    '',
    'import base64',
    'import json',
    'import re',
    'import urllib.error',
    'import urllib.parse',
    'import urllib.request',
    'from typing import Any, Dict, List, Literal, Mapping, Optional, Sequence, Tuple, Union  # noqa: F401',
    '',
    'from . import models  # noqa: F401',
    '',
    `DEFAULT_BASE_URL = ${pyString(defaultBaseUrl)}`,
    '',
    '# Security scheme name -> (credential kind, where it is sent, header or parameter name).',
    `_SECURITY_SCHEMES: Dict[str, Tuple[str, str, str]] = {${
      schemeTable.length ? `\n${schemeTable.join('\n')}\n` : ''
    }}`,
  ].join('\n');
  const parts = [
    header,
    RUNTIME.trim(),
    ...(tokenUrl ? [tokenHelper(tokenUrl).trim()] : []),
    [
      renderInit(credentials, usable, title),
      REQUEST.replace(/^\n/, '').trimEnd(),
      ...methods.map(renderMethod),
    ].join('\n\n'),
  ];
  return `${parts.join('\n\n\n')}\n`;
}
