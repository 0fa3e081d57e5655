import http from 'node:http';
import { AddressInfo } from 'node:net';
import { addressKind, fetchPublicDocument } from './publicFetch';

describe('addressKind', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['0:0:0:0:0:ffff:7f00:1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fd00:ec2::254', 'private'],
    ['169.254.169.254', 'link-local'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['fe80::1', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['2002:7f00:1::', 'reserved'],
    ['not-an-address', 'reserved'],
    ['8.8.8.8', 'public'],
    ['172.32.0.1', 'public'],
    ['93.184.216.34', 'public'],
    ['2606:4700:4700::1111', 'public'],
  ])('%s is %s', (address, kind) => {
    expect(addressKind(address)).toBe(kind);
  });
});

describe('fetchPublicDocument', () => {
  let server: http.Server;
  let base: string;
  let requests: string[];

  beforeAll(async () => {
    requests = [];
    server = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url === '/schema.yaml') {
        res.writeHead(200, { 'content-type': 'application/yaml' });
        res.end('type: string\n');
      } else if (req.url === '/big') {
        res.writeHead(200);
        res.end('x'.repeat(5000));
      } else if (req.url === '/big-stream') {
        res.writeHead(200, { 'transfer-encoding': 'chunked' });
        for (let i = 0; i < 10; i++) res.write('y'.repeat(1000));
        res.end();
      } else if (req.url === '/moved') {
        res.writeHead(302, { location: 'http://169.254.169.254/latest' });
        res.end();
      } else if (req.url === '/slow') {
        // never answers
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise(resolve => server.close(resolve));
  });

  beforeEach(() => {
    requests.length = 0;
  });

  const limits = { maxBytes: 4096, timeoutMs: 2000 };
  // The test server is on loopback: these tests let it through on purpose
  const anyAddress = { ...limits, isAllowedAddress: () => true };

  it('refuses loopback addresses and names, sending nothing', async () => {
    await expect(
      fetchPublicDocument(`${base}/schema.yaml`, limits),
    ).rejects.toThrow('127.0.0.1 is a loopback address');
    const port = new URL(base).port;
    await expect(
      fetchPublicDocument(`http://localhost:${port}/schema.yaml`, limits),
    ).rejects.toThrow(
      /^localhost resolves to (127\.0\.0\.1|::1), a loopback address$/,
    );
    await expect(
      fetchPublicDocument(`http://[::ffff:127.0.0.1]:${port}/x`, limits),
    ).rejects.toThrow('::ffff:7f00:1 is a loopback address');
    expect(requests).toEqual([]);
  });

  it('refuses metadata, private and unspecified addresses', async () => {
    await expect(
      fetchPublicDocument('http://169.254.169.254/latest/meta-data/', limits),
    ).rejects.toThrow('169.254.169.254 is a link-local address');
    await expect(
      fetchPublicDocument('http://10.0.0.8/a.yaml', limits),
    ).rejects.toThrow('10.0.0.8 is a private address');
    await expect(
      fetchPublicDocument('http://0.0.0.0:1/a.yaml', limits),
    ).rejects.toThrow('0.0.0.0 is an unspecified address');
  });

  it('fetches only http and https', async () => {
    await expect(
      fetchPublicDocument('file:///etc/passwd', anyAddress),
    ).rejects.toThrow("only http and https are fetched, not 'file:'");
    await expect(
      fetchPublicDocument('ftp://example.com/a', anyAddress),
    ).rejects.toThrow("only http and https are fetched, not 'ftp:'");
  });

  it('reads a document with its media type from an allowed address', async () => {
    await expect(
      fetchPublicDocument(`${base}/schema.yaml`, anyAddress),
    ).resolves.toEqual({
      body: 'type: string\n',
      mimeType: 'application/yaml',
    });
    expect(requests).toEqual(['/schema.yaml']);
  });

  it('stops at the size limit, declared or streamed', async () => {
    await expect(
      fetchPublicDocument(`${base}/big`, anyAddress),
    ).rejects.toThrow('the document is larger than 4096 bytes');
    await expect(
      fetchPublicDocument(`${base}/big-stream`, anyAddress),
    ).rejects.toThrow('the document is larger than 4096 bytes');
  });

  it('follows no redirects and reports error statuses', async () => {
    await expect(
      fetchPublicDocument(`${base}/moved`, anyAddress),
    ).rejects.toThrow('answered 302; redirects are not followed');
    await expect(
      fetchPublicDocument(`${base}/missing`, anyAddress),
    ).rejects.toThrow('answered 404');
  });

  it('stops at the time limit', async () => {
    await expect(
      fetchPublicDocument(`${base}/slow`, { ...anyAddress, timeoutMs: 300 }),
    ).rejects.toThrow('no answer within 300 ms');
  });
});
