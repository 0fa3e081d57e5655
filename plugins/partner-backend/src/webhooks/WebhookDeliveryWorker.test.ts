import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  createStoreTestDatabases,
  databaseServiceFor,
} from '@readiness/backend-test-utils';
import { PartnerApp } from '@readiness/plugin-partner-common';
import { contentHash } from '@readiness/store-utils';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { readPartnerOptions } from '../config';
import { DatabasePartnerStore } from '../database/DatabasePartnerStore';
import {
  DatabaseWebhookStore,
  StoredEndpoint,
} from '../database/DatabaseWebhookStore';
import { HostResolver } from './addressPolicy';
import { newWebhookSecret } from './webhookMessages';
import { WebhookDeliveryWorker } from './WebhookDeliveryWorker';

const databases = createStoreTestDatabases();

type Received = {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
};

/** A receiver on 127.0.0.1 that answers each path as the test says. */
async function startReceiver() {
  const received: Received[] = [];
  const answers = new Map<string, Array<(res: http.ServerResponse) => void>>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      received.push({
        path: req.url!,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const queue = answers.get(req.url!) ?? [];
      const answer = queue.length > 1 ? queue.shift()! : queue[0];
      if (answer) answer(res);
      else res.writeHead(204).end();
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    /** Answers for a path, one per request, the last one repeating. */
    answer(
      path: string,
      ...replies: Array<(res: http.ServerResponse) => void>
    ) {
      answers.set(path, replies);
    },
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const status =
  (code: number, body = '', headers = {}) =>
  (res: http.ServerResponse) =>
    res.writeHead(code, headers).end(body);

jest.setTimeout(30_000);

describe.each(databases.eachSupportedId())(
  'webhook deliveries on %s',
  databaseId => {
    let store: DatabaseWebhookStore;
    let app: PartnerApp;
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    let offsetMs = 0;
    const clock = () => new Date(Date.now() + offsetMs);
    const dialled: string[] = [];
    // Names resolve here only; rebind.test answers differently each time
    const rebinds = ['127.0.0.1', '10.0.0.9'];
    const zone: Record<string, () => string> = {
      'receiver.test': () => '127.0.0.1',
      'private.test': () => '192.168.0.10',
      'metadata.test': () => '169.254.169.254',
      'loopback.test': () => '127.0.0.2',
      'mapped.test': () => '::ffff:10.1.1.1',
      'rebind.test': () => rebinds.shift() ?? '10.0.0.9',
    };
    const resolver: HostResolver = async host => {
      const address = zone[host]?.();
      if (!address) throw Object.assign(new Error('no'), { code: 'ENOTFOUND' });
      return [{ address, family: address.includes(':') ? 6 : 4 }];
    };
    const auditor = mockServices.auditor.mock();

    const options = readPartnerOptions(
      new ConfigReader({
        partner: {
          webhooks: {
            delivery: {
              timeout: { milliseconds: 300 },
              attempts: 3,
              initialBackoff: { seconds: 1 },
              maxBackoff: { seconds: 2 },
              disableAfterFailures: 4,
              maxResponseBytes: 100,
              concurrency: 4,
            },
            network: { allowedCidrs: ['127.0.0.1/32'], allowHttp: true },
          },
        },
      }),
    ).webhooks;

    let worker: WebhookDeliveryWorker;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      const database = databaseServiceFor(knex);
      const partners = await DatabasePartnerStore.create({ database });
      store = await DatabaseWebhookStore.create({ database });
      app = await partners.createApp(
        { org: 'acme', name: 'Deliveries', createdBy: 'user:default/a' },
        10,
      );
      receiver = await startReceiver();
      worker = new WebhookDeliveryWorker({
        store,
        options,
        logger: mockServices.logger.mock(),
        auditor,
        resolver,
        clock,
        // No attempt may dial anything but the local receiver
        onConnect: target => dialled.push(target.address),
      });
    });

    afterAll(async () => {
      await receiver?.close();
    });

    afterEach(() => {
      const elsewhere = dialled.filter(a => a !== '127.0.0.1');
      if (elsewhere.length > 0) {
        throw new Error(`dialled outside the local receiver: ${elsewhere}`);
      }
    });

    const endpoint = async (
      host: string,
      path: string,
      eventTypes = ['filing.accepted'],
    ) =>
      store.createEndpoint(
        app,
        {
          url: `http://${host}:${receiver.port}${path}`,
          eventTypes,
          secret: newWebhookSecret(),
          createdBy: 'user:default/a',
        },
        { endpointsPerApp: 100, now: clock() },
      );

    let pushes = 0;
    const push = async (payload: unknown, type = 'filing.accepted') => {
      pushes += 1;
      return store.pushEvent(
        {
          app,
          type,
          payload,
          idempotencyKey: `${databaseId}-${pushes}`,
          contentHash: contentHash({ payload, pushes }),
          pushedBy: 'platform',
        },
        clock(),
      );
    };
    const deliveriesOf = async (e: StoredEndpoint) =>
      (await store.listDeliveries(e.id, {})).items;

    it('signs every delivery so the standardwebhooks library verifies it, and logs the attempt', async () => {
      const target = await endpoint('receiver.test', '/signed');
      receiver.answer('/signed', status(200, 'x'.repeat(5000)));
      const pushed = await push({ filingId: 'f-1', amount: 12.5 });
      expect(pushed.deliveries).toBe(1);

      const report = await worker.runOnce();
      expect(report).toMatchObject({ attempted: 1, succeeded: 1 });
      const got = receiver.received.filter(r => r.path === '/signed');
      expect(got).toHaveLength(1);
      // Connected to the resolved address, with the URL's host kept
      expect(got[0].headers.host).toBe(`receiver.test:${receiver.port}`);
      const verified = new Webhook(target.secret).verify(
        got[0].body,
        got[0].headers as Record<string, string>,
      );
      expect(verified).toEqual({
        type: 'filing.accepted',
        timestamp: pushed.event.createdAt,
        data: { filingId: 'f-1', amount: 12.5 },
      });
      expect(got[0].headers['webhook-id']).toBe(pushed.event.id);
      expect(() =>
        new Webhook(newWebhookSecret()).verify(
          got[0].body,
          got[0].headers as Record<string, string>,
        ),
      ).toThrow();

      const [delivery] = await deliveriesOf(target);
      expect(delivery).toMatchObject({
        status: 'succeeded',
        attempts: 1,
        lastResponseStatus: 200,
      });
      const [attempt] = await store.listAttempts(delivery.id);
      expect(attempt.responseBody).toBe('x'.repeat(100));
      expect(attempt.durationMs).toBeGreaterThanOrEqual(0);
    });

    it('retries with exponential backoff, then succeeds', async () => {
      const target = await endpoint('receiver.test', '/flaky');
      receiver.answer('/flaky', status(500), status(503), status(200));
      await push({ n: 1 });

      expect((await worker.runOnce()).retried).toBe(1);
      // not due before its backoff has passed
      expect((await worker.runOnce()).attempted).toBe(0);
      let [delivery] = await deliveriesOf(target);
      expect(delivery.status).toBe('pending');
      const firstWait =
        Date.parse(delivery.nextAttemptAt!) -
        Date.parse(delivery.lastAttemptAt!);
      expect(firstWait).toBeGreaterThanOrEqual(1000);
      expect(firstWait).toBeLessThan(1500);

      offsetMs += 1000;
      expect((await worker.runOnce()).retried).toBe(1);
      [delivery] = await deliveriesOf(target);
      const secondWait =
        Date.parse(delivery.nextAttemptAt!) -
        Date.parse(delivery.lastAttemptAt!);
      expect(secondWait).toBeGreaterThanOrEqual(2000);

      offsetMs += 2000;
      expect((await worker.runOnce()).succeeded).toBe(1);
      [delivery] = await deliveriesOf(target);
      expect(delivery).toMatchObject({ status: 'succeeded', attempts: 3 });
      const log = await store.listAttempts(delivery.id);
      expect(log.map(a => a.responseStatus)).toEqual([500, 503, 200]);
    });

    it('follows no redirect, gives up after the last attempt, and enforces the timeout', async () => {
      const moved = await endpoint('receiver.test', '/moved');
      receiver.answer('/moved', status(302, '', { location: '/elsewhere' }));
      const slow = await endpoint('receiver.test', '/slow');
      receiver.answer('/slow', () => {
        // never answers: the attempt's deadline ends it
      });
      await push({ n: 2 });
      for (let i = 0; i < 3; i++) {
        await worker.runOnce();
        offsetMs += 2000;
      }
      const [redirected] = await deliveriesOf(moved);
      expect(redirected).toMatchObject({
        status: 'failed',
        attempts: 3,
        lastResponseStatus: 302,
        lastError: 'redirect to /elsewhere not followed',
      });
      expect(receiver.received.some(r => r.path === '/elsewhere')).toBe(false);
      const [timedOut] = await deliveriesOf(slow);
      expect(timedOut).toMatchObject({
        status: 'failed',
        lastError: 'no answer within 300 ms',
      });
      expect(timedOut.completedAt).toBeDefined();
      // a run of failures, below the threshold: still active
      expect((await store.getEndpoint(moved.id))!.consecutiveFailures).toBe(3);
      await store.updateEndpoint(moved.id, { status: 'disabled' }, clock());
      await store.updateEndpoint(slow.id, { status: 'disabled' }, clock());
    });

    it('refuses every refused address class at delivery, and never dials it', async () => {
      const targets = await Promise.all(
        [
          'private.test',
          'metadata.test',
          'loopback.test',
          'mapped.test',
          '10.2.3.4',
        ].map(host => endpoint(host, '/refused', ['document.processed'])),
      );
      await push({ n: 3 }, 'document.processed');
      await worker.runOnce();
      const errors = await Promise.all(
        targets.map(async t => (await deliveriesOf(t))[0].lastError),
      );
      expect(errors).toEqual([
        expect.stringMatching(
          /private.test resolves to 192.168.0.10, a private address/,
        ),
        expect.stringMatching(/169.254.169.254, a cloud metadata address/),
        expect.stringMatching(/127.0.0.2, a loopback address/),
        expect.stringMatching(/::ffff:10.1.1.1, a private address/),
        expect.stringMatching(
          /10.2.3.4 resolves to 10.2.3.4, a private address/,
        ),
      ]);
      expect(receiver.received.some(r => r.path === '/refused')).toBe(false);
      for (const t of targets) {
        await store.updateEndpoint(t.id, { status: 'disabled' }, clock());
      }
    });

    it('checks the address again at every attempt', async () => {
      const target = await endpoint('rebind.test', '/rebind', [
        'document.sent',
      ]);
      receiver.answer('/rebind', status(500));
      await push({ n: 4 }, 'document.sent');
      await worker.runOnce();
      offsetMs += 2000;
      await worker.runOnce();
      const [delivery] = await deliveriesOf(target);
      const log = await store.listAttempts(delivery.id);
      expect(log[0].responseStatus).toBe(500);
      expect(log[1].error).toMatch(
        /rebind.test resolves to 10.0.0.9, a private address/,
      );
      expect(receiver.received.filter(r => r.path === '/rebind')).toHaveLength(
        1,
      );
      await store.updateEndpoint(target.id, { status: 'disabled' }, clock());
    });

    it('disables an endpoint after a run of failed attempts, fails what it had pending, and audits it', async () => {
      const target = await endpoint('receiver.test', '/down', [
        'ledger.posted',
      ]);
      receiver.answer('/down', status(500));
      for (let i = 0; i < 3; i++) await push({ i }, 'ledger.posted');
      await worker.runOnce(); // 3 failures
      offsetMs += 1000;
      const report = await worker.runOnce(); // the 4th disables it
      expect(report.disabledEndpoints).toEqual([target.id]);
      const disabled = await store.getEndpoint(target.id);
      expect(disabled).toMatchObject({ status: 'disabled' });
      expect(disabled!.disabledReason).toMatch(
        /^4 failed attempts in a row; the last: HTTP 500/,
      );
      const deliveries = await deliveriesOf(target);
      expect(deliveries.map(d => d.status)).toEqual([
        'failed',
        'failed',
        'failed',
      ]);
      expect(auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({
          eventId: 'partner-webhook-endpoint-disable',
          meta: expect.objectContaining({ endpointId: target.id, org: 'acme' }),
        }),
      );
      // nothing more is queued for it
      expect((await push({ after: true }, 'ledger.posted')).deliveries).toBe(0);
    });

    it('signs with both secrets during a rotation, and replays with the same webhook-id', async () => {
      const target = await endpoint('receiver.test', '/rotated', [
        'filing.rejected',
      ]);
      const rotated = (await store.rotateSecret(target.id, newWebhookSecret(), {
        now: clock(),
        previousExpiresAt: new Date(clock().getTime() + 3600_000),
      }))!;
      await push({ n: 5 }, 'filing.rejected');
      await worker.runOnce();
      const [first] = receiver.received.filter(r => r.path === '/rotated');
      expect(
        String(first.headers['webhook-signature']).split(' '),
      ).toHaveLength(2);
      for (const secret of [target.secret, rotated.secret]) {
        expect(() =>
          new Webhook(secret).verify(
            first.body,
            first.headers as Record<string, string>,
          ),
        ).not.toThrow();
      }

      const [delivery] = await deliveriesOf(target);
      const replay = await store.replayDelivery(delivery, clock());
      expect(replay).toMatchObject({
        status: 'pending',
        replayOf: delivery.id,
      });
      await worker.runOnce();
      const both = receiver.received.filter(r => r.path === '/rotated');
      expect(both).toHaveLength(2);
      expect(both[1].headers['webhook-id']).toBe(both[0].headers['webhook-id']);
      expect(both[1].body).toBe(both[0].body);
    });

    it('lets one claim take a due delivery, and another take it again only once the lease ran out', async () => {
      const target = await endpoint('receiver.test', '/claims', ['claim.test']);
      await push({ n: 6 }, 'claim.test');
      await push({ n: 7 }, 'claim.test');
      const now = clock();
      const leaseUntil = new Date(now.getTime() + 60_000);
      const [a, b] = await Promise.all([
        store.claimDue({ now, limit: 1, leaseUntil }),
        store.claimDue({ now, limit: 1, leaseUntil }),
      ]);
      const ids = [...a, ...b].map(d => d.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(await store.claimDue({ now, limit: 10, leaseUntil })).toHaveLength(
        2 - ids.length,
      );
      // a replica that died: after its lease the rows are due again
      const later = new Date(leaseUntil.getTime() + 1);
      const again = await store.claimDue({
        now: later,
        limit: 10,
        leaseUntil: new Date(later.getTime() + 60_000),
      });
      expect(again.map(d => d.id).sort()).toEqual(
        (await deliveriesOf(target)).map(d => d.id).sort(),
      );
      // and the first claim may no longer record its attempt
      const stale = await store.recordAttempt({
        delivery: a[0] ?? b[0],
        attempt: {
          attempt: 1,
          startedAt: now.toISOString(),
          durationMs: 1,
          responseStatus: 200,
        },
        succeeded: true,
        now,
        disableAfterFailures: 10,
      });
      expect(stale.recorded).toBe(false);
    });
  },
);
