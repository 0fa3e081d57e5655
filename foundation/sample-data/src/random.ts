/*
 * Repeatable figures for sample data: the same parts (an item and its day)
 * always give the same sequence, so a record seeded again is the same record
 * and its idempotency key finds it unchanged.
 */

/** FNV-1a over the parts, as a 32-bit seed. */
function seedOf(parts: Array<string | number>): number {
  let hash = 0x811c9dc5;
  for (const char of parts.join('\u0000')) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Figures in [0, 1), the same sequence for the same parts (mulberry32).
 *
 * @public
 */
export function sampleRandom(...parts: Array<string | number>): () => number {
  let state = seedOf(parts);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A figure near `value`: at most `spread` of it away (0.1 = ±10 %).
 *
 * @public
 */
export function around(
  random: () => number,
  value: number,
  spread: number,
): number {
  return value * (1 + (random() * 2 - 1) * spread);
}

/** A whole number from `min` to `max`, both included. @public */
export function wholeBetween(
  random: () => number,
  min: number,
  max: number,
): number {
  return min + Math.floor(random() * (max - min + 1));
}
