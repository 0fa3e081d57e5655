import { mockServices } from '@backstage/backend-test-utils';
import {
  CATALOG_REFRESH_MS,
  EMPTY_CATALOG_REFRESH_MS,
  KeptCatalogValue,
} from './keptCatalog';

type Value = { at: Date; entities: number };

describe('KeptCatalogValue', () => {
  let now: Date;
  let reads: number;
  let next: () => Promise<number>;

  const kept = () =>
    new KeptCatalogValue<Value>({
      read: async () => {
        reads += 1;
        return { at: now, entities: await next() };
      },
      logger: mockServices.logger.mock(),
      purpose: 'a test',
      isEmpty: value => value.entities === 0,
      now: () => now,
    });

  beforeEach(() => {
    now = new Date('2026-12-06T10:00:00Z');
    reads = 0;
    next = async () => 3;
  });

  const later = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  const settle = () => new Promise(resolve => setImmediate(resolve));

  it('waits for the first read, then answers from the kept value until it is a minute old', async () => {
    const value = kept();
    expect((await value.get()).entities).toBe(3);
    later(CATALOG_REFRESH_MS - 1);
    next = async () => 4;
    expect((await value.get()).entities).toBe(3);
    expect(reads).toBe(1);
    // A minute old: answered from the kept value, read in the background
    later(1);
    expect((await value.get()).entities).toBe(3);
    await settle();
    expect(reads).toBe(2);
    expect((await value.get()).entities).toBe(4);
  });

  it('reads an empty value again after a few seconds, as right after a start', async () => {
    next = async () => 0;
    const value = kept();
    expect((await value.get()).entities).toBe(0);
    next = async () => 40;
    later(EMPTY_CATALOG_REFRESH_MS);
    await value.get();
    await settle();
    expect((await value.get()).entities).toBe(40);
  });

  it('reads once while a read is under way, and keeps the value when a background read fails', async () => {
    const value = kept();
    await value.get();
    later(CATALOG_REFRESH_MS);
    let fail!: (error: Error) => void;
    next = () => new Promise((_, reject) => (fail = reject));
    await value.get();
    await value.get();
    expect(reads).toBe(2);
    fail(new Error('catalog unavailable'));
    await settle();
    next = async () => 5;
    expect((await value.get()).entities).toBe(3);
    await settle();
    expect(reads).toBe(3);
    expect((await value.get()).entities).toBe(5);
  });
});
