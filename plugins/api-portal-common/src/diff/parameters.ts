/*
 * Pairs an operation's parameters across two versions. Same `in` and name
 * (header names case-insensitively, path parameters by their place in the
 * path template) is the same parameter. Of the rest, a removed and an added
 * parameter with the same name but another `in` moved; a removed and an
 * added parameter with the same `in` at the same position among that `in`'s
 * parameters (or the only two left for that `in`) and no conflicting type
 * were renamed.
 */
import type { ParameterModel } from './model';

/** A parameter in both versions. @public */
export type ParameterPair = { before: ParameterModel; after: ParameterModel };

/** How an operation's parameters line up across two versions. @public */
export type ParameterPairing = {
  /** Same identity in both versions. */
  matched: ParameterPair[];
  /** Same `in`, another name, same position (or the only change). */
  renamed: ParameterPair[];
  /** Same name, another `in`. */
  relocated: ParameterPair[];
  removed: ParameterModel[];
  added: ParameterModel[];
};

function compatibleTypes(a: ParameterModel, b: ParameterModel): boolean {
  return a.type === undefined || b.type === undefined || a.type === b.type;
}

/** Pairs the parameters of two versions of an operation. */
export function pairParameters(
  before: readonly ParameterModel[],
  after: readonly ParameterModel[],
): ParameterPairing {
  const afterByKey = new Map(after.map(p => [p.key, p]));
  const matched: ParameterPair[] = [];
  let removed: ParameterModel[] = [];
  for (const b of before) {
    const a = afterByKey.get(b.key);
    if (a) {
      matched.push({ before: b, after: a });
      afterByKey.delete(b.key);
    } else {
      removed.push(b);
    }
  }
  let added = [...afterByKey.values()];

  const take = (
    predicate: (b: ParameterModel, a: ParameterModel) => boolean,
  ): ParameterPair[] => {
    const pairs: ParameterPair[] = [];
    for (const b of [...removed]) {
      const a = added.find(candidate => predicate(b, candidate));
      if (a) {
        pairs.push({ before: b, after: a });
        removed = removed.filter(p => p !== b);
        added = added.filter(p => p !== a);
      }
    }
    return pairs;
  };

  const relocated = take(
    (b, a) => b.in !== a.in && b.name.toLowerCase() === a.name.toLowerCase(),
  );
  const renamed = take(
    (b, a) =>
      b.in === a.in &&
      b.in !== 'path' &&
      b.position === a.position &&
      compatibleTypes(b, a),
  );
  renamed.push(
    ...take(
      (b, a) =>
        b.in === a.in &&
        b.in !== 'path' &&
        compatibleTypes(b, a) &&
        removed.filter(p => p.in === b.in).length === 1 &&
        added.filter(p => p.in === a.in).length === 1,
    ),
  );
  return { matched, renamed, relocated, removed, added };
}
