/*
 * The one way the api-portal fetches a document named by a definition (a
 * remote `$ref`, when apiPortal.lint.allowRemoteRefs allows it). A
 * definition is written by whoever publishes an API, so the fetch must not
 * become a way into the backend's network: the host is resolved first and
 * every address it resolves to must be public (no loopback, private,
 * link-local/metadata, unspecified, multicast or reserved ranges), the
 * connection goes to the address that was checked (a second DNS answer
 * cannot swap it), redirects are not followed, and the body and the time are
 * limited. No proxy settings, credentials or headers of the backend are used.
 */
import dns from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import net, { BlockList, LookupFunction } from 'node:net';

/** What an IP address is, as far as fetching from it goes. */
export type AddressKind =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unspecified'
  | 'multicast'
  | 'reserved';

function rangeList(ipv4: string[], ipv6: string[]): BlockList {
  const list = new BlockList();
  const add = (cidr: string, type: 'ipv4' | 'ipv6') => {
    const [network, prefix] = cidr.split('/');
    list.addSubnet(network, Number(prefix), type);
  };
  ipv4.forEach(cidr => add(cidr, 'ipv4'));
  ipv6.forEach(cidr => add(cidr, 'ipv6'));
  return list;
}

/** Ranges that are not the public internet, first match wins. */
const RANGES: Array<[Exclude<AddressKind, 'public'>, BlockList]> = [
  ['unspecified', rangeList(['0.0.0.0/8'], ['::/128'])],
  ['loopback', rangeList(['127.0.0.0/8'], ['::1/128'])],
  ['link-local', rangeList(['169.254.0.0/16'], ['fe80::/10'])],
  [
    'private',
    rangeList(
      [
        '10.0.0.0/8',
        '172.16.0.0/12',
        '192.168.0.0/16',
        '100.64.0.0/10',
        '192.0.0.0/24',
        '198.18.0.0/15',
      ],
      ['fc00::/7', 'fec0::/10'],
    ),
  ],
  ['multicast', rangeList(['224.0.0.0/4'], ['ff00::/8'])],
  [
    'reserved',
    rangeList(
      ['240.0.0.0/4', '192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24'],
      [
        // IPv4-compatible, discard, Teredo, documentation, 6to4, local NAT64
        '::/96',
        '100::/64',
        '2001::/32',
        '2001:db8::/32',
        '2002::/16',
        '64:ff9b:1::/48',
      ],
    ),
  ],
];

/** The eight 16-bit groups of an IPv6 address, or undefined. */
function ipv6Groups(address: string): number[] | undefined {
  let normal: string;
  try {
    normal = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
  const [head, tail] = normal.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const gap = tail === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...Array(gap).fill('0'), ...right].map(g =>
    parseInt(g, 16),
  );
  return groups.length === 8 ? groups : undefined;
}

/** The IPv4 address an IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) address carries. */
function embeddedIpv4(groups: number[]): string | undefined {
  const zeros = (from: number, to: number) =>
    groups.slice(from, to).every(g => g === 0);
  const mapped = zeros(0, 5) && groups[5] === 0xffff;
  const nat64 = groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6);
  if (!mapped && !nat64) return undefined;
  const [high, low] = [groups[6], groups[7]];
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

/** What an address is; anything that is not a valid IP address is `reserved`. */
export function addressKind(address: string): AddressKind {
  const family = net.isIP(address);
  if (family === 0) return 'reserved';
  if (family === 6) {
    const groups = ipv6Groups(address);
    if (!groups) return 'reserved';
    const ipv4 = embeddedIpv4(groups);
    if (ipv4) return addressKind(ipv4);
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  return RANGES.find(([, list]) => list.check(address, type))?.[0] ?? 'public';
}

/** Limits of one fetch. */
export type PublicFetchOptions = {
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** Longest the fetch may take, name resolution included, in milliseconds. */
  timeoutMs: number;
  /** Which addresses may be connected to; by default the public ones. */
  isAllowedAddress?: (address: string) => boolean;
};

/** A fetched document. */
export type FetchedDocument = { body: string; mimeType?: string };

function describeAddress(host: string, address: string): string {
  const kind = addressKind(address);
  const article = /^[aeiou]/.test(kind) ? 'an' : 'a';
  return host === address
    ? `${host} is ${article} ${kind} address`
    : `${host} resolves to ${address}, ${article} ${kind} address`;
}

async function resolveHost(
  host: string,
  signal: AbortSignal,
): Promise<Array<{ address: string; family: number }>> {
  const family = net.isIP(host);
  if (family !== 0) return [{ address: host, family }];
  const aborted = new Promise<never>((_, reject) =>
    signal.addEventListener('abort', () => reject(signal.reason), {
      once: true,
    }),
  );
  aborted.catch(() => {});
  return Promise.race([
    dns.lookup(host, { all: true, verbatim: true }),
    aborted,
  ]);
}

/**
 * Fetches `url` (http or https) if its host is at allowed addresses only;
 * rejects with an `Error` saying why not, or why the fetch failed.
 */
export async function fetchPublicDocument(
  url: string,
  options: PublicFetchOptions,
): Promise<FetchedDocument> {
  const target = new URL(url);
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new Error(
      `only http and https are fetched, not '${target.protocol}'`,
    );
  }
  const signal = AbortSignal.timeout(options.timeoutMs);
  const timedOut = () => new Error(`no answer within ${options.timeoutMs} ms`);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const isAllowed =
    options.isAllowedAddress ?? (address => addressKind(address) === 'public');

  let addresses;
  try {
    addresses = await resolveHost(host, signal);
  } catch (error) {
    throw signal.aborted
      ? timedOut()
      : new Error(`${host} does not resolve: ${(error as Error).message}`);
  }
  const refused = addresses.find(a => !isAllowed(a.address));
  if (refused || addresses.length === 0) {
    throw new Error(
      refused
        ? describeAddress(host, refused.address)
        : `${host} has no address`,
    );
  }
  const pinned = addresses[0];
  // The connection goes to the address checked above, whatever DNS says now
  const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) {
      callback(null, [pinned]);
    } else {
      callback(null, pinned.address, pinned.family);
    }
  };

  return new Promise<FetchedDocument>((resolve, reject) => {
    const client = target.protocol === 'https:' ? https : http;
    const tooLarge = () =>
      new Error(`the document is larger than ${options.maxBytes} bytes`);
    const request = client.request(
      target,
      {
        method: 'GET',
        agent: false,
        lookup,
        signal,
        headers: { accept: 'application/json, application/yaml, */*;q=0.5' },
      },
      response => {
        const status = response.statusCode ?? 0;
        if (status < 200 || status > 299) {
          response.resume();
          reject(
            new Error(
              status >= 300 && status < 400
                ? `answered ${status}; redirects are not followed`
                : `answered ${status}`,
            ),
          );
          return;
        }
        if (Number(response.headers['content-length']) > options.maxBytes) {
          request.destroy();
          reject(tooLarge());
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            request.destroy();
            reject(tooLarge());
          } else {
            chunks.push(chunk);
          }
        });
        response.on('end', () =>
          resolve({
            body: Buffer.concat(chunks).toString('utf8'),
            ...(response.headers['content-type'] && {
              mimeType: response.headers['content-type'],
            }),
          }),
        );
        response.on('error', error =>
          reject(signal.aborted ? timedOut() : error),
        );
      },
    );
    request.on('error', error => reject(signal.aborted ? timedOut() : error));
    request.end();
  });
}
