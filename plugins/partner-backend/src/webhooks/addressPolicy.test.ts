import {
  addressPolicyOf,
  refusalOf,
  refusalOfLiteralHost,
  resolveDeliveryAddress,
  HostResolver,
} from './addressPolicy';

const none = addressPolicyOf([]);

// Names that resolve to each address class, through an injected resolver
const ZONE: Record<string, string[]> = {
  'loopback.test': ['127.0.0.1'],
  'loopback-other.test': ['127.8.9.10'],
  'loopback6.test': ['::1'],
  'private10.test': ['10.1.2.3'],
  'private172.test': ['172.16.5.4'],
  'private172-top.test': ['172.31.255.254'],
  'private192.test': ['192.168.1.20'],
  'linklocal.test': ['169.254.10.10'],
  'linklocal6.test': ['fe80::1'],
  'cgnat.test': ['100.64.0.1'],
  'cgnat-top.test': ['100.127.255.254'],
  'metadata.test': ['169.254.169.254'],
  'metadata6.test': ['fd00:ec2::254'],
  'uniquelocal.test': ['fc00::5'],
  'uniquelocal-fd.test': ['fd12:3456::1'],
  'unspecified.test': ['0.0.0.0'],
  'unspecified6.test': ['::'],
  'mapped-loopback.test': ['::ffff:127.0.0.1'],
  'mapped-private.test': ['::ffff:10.0.0.1'],
  'mapped-metadata.test': ['::ffff:169.254.169.254'],
  'mixed.test': ['93.184.216.34', '10.0.0.7'],
  'public.test': ['93.184.216.34'],
  'public6.test': ['2606:4700:4700::1111'],
};

const resolver: HostResolver = async hostname => {
  const addresses = ZONE[hostname];
  if (!addresses) {
    throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
  }
  return addresses.map(address => ({
    address,
    family: address.includes(':') ? 6 : 4,
  }));
};

describe('the address policy of webhook deliveries', () => {
  it.each([
    ['loopback.test', 'loopback'],
    ['loopback-other.test', 'loopback'],
    ['loopback6.test', 'loopback'],
    ['private10.test', 'private'],
    ['private172.test', 'private'],
    ['private172-top.test', 'private'],
    ['private192.test', 'private'],
    ['linklocal.test', 'link-local'],
    ['linklocal6.test', 'link-local'],
    ['cgnat.test', 'carrier-grade NAT'],
    ['cgnat-top.test', 'carrier-grade NAT'],
    ['metadata.test', 'cloud metadata'],
    ['metadata6.test', 'cloud metadata'],
    ['uniquelocal.test', 'IPv6 unique-local'],
    ['uniquelocal-fd.test', 'IPv6 unique-local'],
    ['unspecified.test', 'unspecified'],
    ['unspecified6.test', 'unspecified'],
    ['mapped-loopback.test', 'loopback'],
    ['mapped-private.test', 'private'],
    ['mapped-metadata.test', 'cloud metadata'],
    ['mixed.test', 'private'],
  ])('refuses %s (%s)', async (host, words) => {
    const attempt = resolveDeliveryAddress(
      new URL(`https://${host}/hook`),
      none,
      resolver,
    );
    await expect(attempt).rejects.toThrow(`a ${words} address`);
    await expect(attempt).rejects.toMatchObject({
      name: 'RefusedAddressError',
    });
  });

  it('connects to public addresses, as resolved', async () => {
    await expect(
      resolveDeliveryAddress(
        new URL('https://public.test/hook'),
        none,
        resolver,
      ),
    ).resolves.toEqual({ address: '93.184.216.34', family: 4 });
    await expect(
      resolveDeliveryAddress(
        new URL('https://public6.test/hook'),
        none,
        resolver,
      ),
    ).resolves.toEqual({ address: '2606:4700:4700::1111', family: 6 });
  });

  it('checks addresses written in the URL without asking the resolver', async () => {
    const noLookups: HostResolver = async () => {
      throw new Error('resolver called');
    };
    for (const url of [
      'https://127.0.0.1/',
      'https://[::1]/',
      'https://[::ffff:7f00:1]/',
      'https://0x7f000001/',
      'https://2130706433/',
      'https://[fd00:ec2::254]/',
    ]) {
      await expect(
        resolveDeliveryAddress(new URL(url), none, noLookups),
      ).rejects.toThrow(/address; deliveries go to public addresses only/);
    }
  });

  it('lets the allow-list open ranges, mapped IPv6 forms included', async () => {
    const local = addressPolicyOf(['127.0.0.1/32', '10.20.0.0/16']);
    expect(refusalOf('127.0.0.1', local)).toBeUndefined();
    expect(refusalOf('::ffff:127.0.0.1', local)).toBeUndefined();
    expect(refusalOf('10.20.3.4', local)).toBeUndefined();
    expect(refusalOf('10.21.3.4', local)).toBe('private');
    expect(refusalOf('127.0.0.2', local)).toBe('loopback');
    expect(() => addressPolicyOf(['127.0.0.1'])).toThrow(
      /^partner.webhooks.network.allowedCidrs: "127.0.0.1" is not a CIDR/,
    );
  });

  it('delivers plain http only to allow-listed addresses', async () => {
    const local = addressPolicyOf(['127.0.0.1/32']);
    await expect(
      resolveDeliveryAddress(
        new URL('http://loopback.test:8080/'),
        local,
        resolver,
      ),
    ).resolves.toEqual({ address: '127.0.0.1', family: 4 });
    await expect(
      resolveDeliveryAddress(new URL('http://public.test/'), local, resolver),
    ).rejects.toThrow(/plain http is only delivered to allow-listed/);
  });

  it('says when a name does not resolve', async () => {
    await expect(
      resolveDeliveryAddress(new URL('https://nowhere.test/'), none, resolver),
    ).rejects.toThrow('nowhere.test did not resolve (ENOTFOUND)');
  });

  it('refuses literal hosts when an endpoint is saved, names at delivery', () => {
    expect(refusalOfLiteralHost(new URL('https://localhost:3000/'), none)).toBe(
      'loopback',
    );
    expect(refusalOfLiteralHost(new URL('https://10.0.0.1/'), none)).toBe(
      'private',
    );
    expect(refusalOfLiteralHost(new URL('https://[fe80::1]/'), none)).toBe(
      'link-local',
    );
    expect(
      refusalOfLiteralHost(new URL('https://hooks.example.com/'), none),
    ).toBeUndefined();
    expect(
      refusalOfLiteralHost(
        new URL('https://localhost/'),
        addressPolicyOf(['127.0.0.1/32']),
      ),
    ).toBeUndefined();
  });
});
