import { LRUCache } from 'lru-cache';
import { DatabasePerfRunStore } from '../database/DatabasePerfRunStore';

/**
 * Remembers what was computed from an entity's runs (its SLO view, trends,
 * gate decisions) until the runs or pins change, and at most `ttlSeconds`
 * because SLO windows slide with time. Whether they changed is one small
 * query, so every replica sees a new run at once.
 */
export class RecordMemo {
  private readonly entries: LRUCache<string, { value: unknown }>;

  constructor(
    private readonly store: DatabasePerfRunStore,
    ttlSeconds: number,
  ) {
    this.entries = new LRUCache({
      max: 2000,
      ttl: Math.max(1, ttlSeconds) * 1000,
    });
  }

  async remember<T>(
    entityRef: string,
    parts: Array<string | number | undefined>,
    compute: () => Promise<T>,
  ): Promise<T> {
    const version = await this.store.recordVersion(entityRef);
    const key = JSON.stringify([entityRef, version, ...parts]);
    const kept = this.entries.get(key);
    if (kept) return kept.value as T;
    const value = await compute();
    this.entries.set(key, { value });
    return value;
  }
}
