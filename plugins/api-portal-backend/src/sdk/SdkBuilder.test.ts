import { parse } from 'yaml';
import { mockServices } from '@backstage/backend-test-utils';
import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import { SdkGenerator } from '@readiness/plugin-api-portal-node';
import { DatabaseSpecStore } from '../database/DatabaseSpecStore';
import { DatabaseArtifactStore } from './artifactStores';
import { DatabaseSdkStore } from './DatabaseSdkStore';
import { SdkBuilder } from './SdkBuilder';

const databases = createStoreTestDatabases();

const SPEC = `openapi: 3.0.3
info: {title: Tiny API, version: 1.0.0}
paths: {}
`;

/** A generator that counts how many of its builds run at once. */
function trackingGenerator(
  language: string,
  seen: { running: number; most: number },
  behaviour: 'quick' | 'hang',
): SdkGenerator {
  return {
    language,
    displayName: language,
    version: '1',
    async generate({ signal }) {
      seen.running += 1;
      seen.most = Math.max(seen.most, seen.running);
      try {
        if (behaviour === 'hang') {
          await new Promise(() => {});
        }
        await new Promise(resolve => setTimeout(resolve, 50));
        signal?.throwIfAborted();
        return [{ path: 'README.md', content: `# ${language}\n` }];
      } finally {
        seen.running -= 1;
      }
    },
  };
}

describe.each(databases.eachSupportedId())('SdkBuilder on %s', databaseId => {
  async function builder(
    generators: SdkGenerator[],
    options: { concurrency: number; timeoutMs: number },
  ) {
    const database = mockServices.database({
      knex: await databases.init(databaseId),
    });
    const builds = await DatabaseSdkStore.create({ database });
    const specs = {
      getContent: async () => SPEC,
      currentRevisions: async () => [],
    } as unknown as DatabaseSpecStore;
    const sdkBuilder = new SdkBuilder({
      specs,
      builds,
      artifacts: await DatabaseArtifactStore.create({ database }),
      generators: () => generators,
      logger: mockServices.logger.mock(),
      options,
      readBundledDefinition: async (content: string) => parse(content),
    });
    return { builds, sdkBuilder };
  }

  it('runs at most `concurrency` builds at once', async () => {
    const seen = { running: 0, most: 0 };
    const generators = ['a', 'b', 'c', 'd', 'e'].map(l =>
      trackingGenerator(l, seen, 'quick'),
    );
    const { builds, sdkBuilder } = await builder(generators, {
      concurrency: 2,
      timeoutMs: 10_000,
    });
    await builds.ensureBuilds(
      generators.map(g => ({
        specHash: 'f'.repeat(64),
        language: g.language,
        generatorVersion: '1',
      })),
    );
    sdkBuilder.kick();
    await sdkBuilder.idle();
    expect(seen.most).toBe(2);
    const done = await builds.buildsOf('f'.repeat(64));
    expect(done.map(b => b.status)).toEqual([
      'ready',
      'ready',
      'ready',
      'ready',
      'ready',
    ]);
    expect(done[0].log).toContain('a SDK tiny-api 1.0.0 with generator 1');
  });

  it('fails a build that passes its time limit', async () => {
    const seen = { running: 0, most: 0 };
    const { builds, sdkBuilder } = await builder(
      [trackingGenerator('slow', seen, 'hang')],
      { concurrency: 1, timeoutMs: 200 },
    );
    const address = {
      specHash: 'e'.repeat(64),
      language: 'slow',
      generatorVersion: '1',
    };
    await builds.ensureBuild(address);
    sdkBuilder.kick();
    await sdkBuilder.idle();
    const build = await builds.getBuild(address);
    expect(build?.status).toBe('failed');
    expect(build?.log).toContain('the build took longer than 200 ms');
  });

  it('at start, builds left running past the time limit go back to the queue and are built', async () => {
    const seen = { running: 0, most: 0 };
    const { builds, sdkBuilder } = await builder(
      [trackingGenerator('quick', seen, 'quick')],
      { concurrency: 1, timeoutMs: 60_000 },
    );
    const address = (hash: string) => ({
      specHash: hash.repeat(64),
      language: 'quick',
      generatorVersion: '1',
    });
    // Two builds claimed by a backend that stopped, or by another replica
    for (const hash of ['a', 'b']) {
      await builds.ensureBuild(address(hash));
      expect(await builds.claim(address(hash))).toBe(true);
    }
    // Within the time limit they may still be running elsewhere: left alone
    await sdkBuilder.resume(new Date());
    await sdkBuilder.idle();
    expect((await builds.getBuild(address('a')))?.status).toBe('building');
    expect((await builds.getBuild(address('b')))?.status).toBe('building');
    expect(seen.most).toBe(0);

    // Past it, nobody is building them: they are queued and built here
    await sdkBuilder.resume(new Date(Date.now() + 61_000));
    await sdkBuilder.idle();
    expect((await builds.getBuild(address('a')))?.status).toBe('ready');
    expect((await builds.getBuild(address('b')))?.status).toBe('ready');
  });
});
