/*
 * Which addresses a webhook delivery may connect to. A partner names the URL,
 * so a delivery could otherwise be aimed at the portal's own network: every
 * address a host resolves to is checked, at every attempt, and the connection
 * is made to the address that was checked (see sendWebhook.ts), never to a
 * second lookup's answer. Only public unicast addresses pass, unless an
 * allow-list of CIDRs in config names the address.
 */
import { InputError } from '@backstage/errors';
import ipaddr from 'ipaddr.js';
import { promises as dns } from 'node:dns';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Cloud metadata services, named as such in refusals. */
const METADATA_ADDRESSES = ['169.254.169.254', 'fd00:ec2::254'].map(a =>
  ipaddr.parse(a).toNormalizedString(),
);

/** The words a refusal uses for each range ipaddr.js names. */
const RANGE_WORDS: Record<string, string> = {
  loopback: 'loopback',
  private: 'private',
  linkLocal: 'link-local',
  carrierGradeNat: 'carrier-grade NAT',
  uniqueLocal: 'IPv6 unique-local',
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
};

/** Where deliveries may go beyond public unicast addresses. */
export type AddressPolicy = {
  allowed: Array<[Address, number]>;
  /** The CIDRs as configured, for messages. */
  cidrs: string[];
};

/** Parses the allow-list; a bad entry names the config key and the entry. */
export function addressPolicyOf(
  cidrs: string[],
  key = 'partner.webhooks.network.allowedCidrs',
): AddressPolicy {
  const allowed = cidrs.map(cidr => {
    try {
      return ipaddr.parseCIDR(cidr);
    } catch {
      throw new InputError(
        `${key}: ${JSON.stringify(cidr)} is not a CIDR (e.g. 127.0.0.1/32)`,
      );
    }
  });
  return { allowed, cidrs };
}

/** An IPv4-mapped IPv6 address as the IPv4 address it carries. */
function unmapped(address: Address): Address {
  return address.kind() === 'ipv6' &&
    (address as ipaddr.IPv6).isIPv4MappedAddress()
    ? (address as ipaddr.IPv6).toIPv4Address()
    : address;
}

/** Whether an address is inside one of the allowed CIDRs. */
export function isAllowListed(address: string, policy: AddressPolicy): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  const forms = [parsed, unmapped(parsed)];
  return policy.allowed.some(([range, bits]) =>
    forms.some(
      form => form.kind() === range.kind() && form.match(range as any, bits),
    ),
  );
}

/**
 * Why a delivery may not connect to an address (`loopback`, `metadata`, …),
 * or undefined when it may: a public unicast address, or one allow-listed.
 */
export function refusalOf(
  address: string,
  policy: AddressPolicy,
): string | undefined {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  if (isAllowListed(address, policy)) return undefined;
  const parsed = unmapped(ipaddr.parse(address));
  if (METADATA_ADDRESSES.includes(parsed.toNormalizedString())) {
    return 'cloud metadata';
  }
  const range = parsed.range();
  if (range === 'unicast') return undefined;
  return RANGE_WORDS[range] ?? `reserved (${range})`;
}

/** One address a host name resolves to. */
export type ResolvedAddress = { address: string; family: 4 | 6 };

/** Resolves a host name to all its addresses (injected in tests). */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** The system resolver, every address of a name. */
export const systemResolver: HostResolver = async hostname =>
  (await dns.lookup(hostname, { all: true, verbatim: true })).map(a => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

/** The host of a URL without the brackets of an IPv6 literal. */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/** Why a delivery did not connect, as its log says. */
export class RefusedAddressError extends Error {
  name = 'RefusedAddressError';
}

/**
 * The address a delivery connects to: the host itself when it is an IP
 * address, otherwise the first of its resolved addresses, once every one of
 * them passed (a name that also resolves to a refused address is refused,
 * so no answer of a later lookup can be a way in).
 */
export async function resolveDeliveryAddress(
  url: URL,
  policy: AddressPolicy,
  resolver: HostResolver,
): Promise<ResolvedAddress> {
  const host = bareHost(url);
  const addresses: ResolvedAddress[] = ipaddr.isValid(host)
    ? [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }]
    : await resolver(host).catch((error: Error & { code?: string }) => {
        throw new RefusedAddressError(
          `${host} did not resolve (${error.code ?? error.message})`,
        );
      });
  if (addresses.length === 0) {
    throw new RefusedAddressError(`${host} resolved to no address`);
  }
  for (const { address } of addresses) {
    const refusal = refusalOf(address, policy);
    if (refusal) {
      throw new RefusedAddressError(
        `${host} resolves to ${address}, a ${refusal} address; deliveries go to public addresses only`,
      );
    }
  }
  if (url.protocol === 'http:') {
    const outside = addresses.find(a => !isAllowListed(a.address, policy));
    if (outside) {
      throw new RefusedAddressError(
        `${url.origin}: plain http is only delivered to allow-listed addresses, and ${outside.address} is not one`,
      );
    }
  }
  return addresses[0];
}

/**
 * Whether a URL's host, written as an address (or `localhost`), is refused:
 * checked when an endpoint is saved; names are checked at each delivery.
 */
export function refusalOfLiteralHost(
  url: URL,
  policy: AddressPolicy,
): string | undefined {
  const host = bareHost(url).toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) {
    return refusalOf('127.0.0.1', policy) && 'loopback';
  }
  return ipaddr.isValid(host) ? refusalOf(host, policy) : undefined;
}
