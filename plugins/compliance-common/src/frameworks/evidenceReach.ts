/*
 * Which controls a piece of evidence counts for beyond the one it was filed
 * for, from the mappings between frameworks. OSCAL's relationship describes
 * the source control's requirements relative to the target's:
 *
 *   equivalent-to    same requirements: evidence counts both ways
 *   subset-of        the target requires all the source does, and more:
 *                    meeting the target meets the source, so evidence for
 *                    the target counts for the source (not the other way)
 *   superset-of      the mirror image: evidence for the source counts for
 *                    the target
 *   intersects-with  they share some requirements: evidence never counts
 *                    automatically; someone must file it for both
 *
 * Evidence travels one mapping entry and no further: each entry of a
 * published mapping is one judgement, and chaining judgements is for a
 * person to decide.
 */
import { formatControlRef } from './controlRef';
import { ControlMapping, ControlRef, FrameworkMapping } from './types';

/**
 * A control that evidence counts for through a mapping entry.
 *
 * @public
 */
export type EvidenceCredit = {
  /** The control on the other side of the entry. */
  control: ControlRef;
  /** The mapping entry that lets evidence count, as written in its file. */
  mapping: ControlMapping;
  /** The id of the mapping the entry is in. */
  mappingId: string;
};

/**
 * Which way evidence counts across one mapping entry.
 *
 * @public
 */
export function evidenceDirection(
  relationship: ControlMapping['relationship'],
): 'both' | 'source-to-target' | 'target-to-source' | 'none' {
  switch (relationship) {
    case 'equivalent-to':
      return 'both';
    case 'subset-of':
      return 'target-to-source';
    case 'superset-of':
      return 'source-to-target';
    default:
      return 'none';
  }
}

/**
 * The controls evidence counts for, in both directions, from a set of
 * mappings.
 *
 * @public
 */
export class EvidenceReach {
  private readonly forward = new Map<string, EvidenceCredit[]>();
  private readonly backward = new Map<string, EvidenceCredit[]>();

  static fromMappings(mappings: readonly FrameworkMapping[]): EvidenceReach {
    return new EvidenceReach(mappings);
  }

  private constructor(mappings: readonly FrameworkMapping[]) {
    for (const { id, entries } of mappings) {
      for (const entry of entries) {
        const direction = evidenceDirection(entry.relationship);
        if (direction === 'both' || direction === 'source-to-target') {
          this.add(entry.source, entry.target, entry, id);
        }
        if (direction === 'both' || direction === 'target-to-source') {
          this.add(entry.target, entry.source, entry, id);
        }
      }
    }
  }

  private add(
    from: ControlRef,
    to: ControlRef,
    mapping: ControlMapping,
    mappingId: string,
  ) {
    const push = (
      map: Map<string, EvidenceCredit[]>,
      key: ControlRef,
      control: ControlRef,
    ) => {
      const list = map.get(formatControlRef(key)) ?? [];
      list.push({ control, mapping, mappingId });
      map.set(formatControlRef(key), list);
    };
    push(this.forward, from, to);
    push(this.backward, to, from);
  }

  /** The other controls that evidence filed for `control` counts for. */
  reachOf(control: ControlRef): EvidenceCredit[] {
    return this.forward.get(formatControlRef(control)) ?? [];
  }

  /** The other controls whose evidence counts for `control`. */
  sourcesOf(control: ControlRef): EvidenceCredit[] {
    return this.backward.get(formatControlRef(control)) ?? [];
  }

  /**
   * How evidence filed for `evidenceFor` counts for `control`: `direct` when
   * they are the same control, the entry that lets it count, or undefined.
   */
  creditFor(
    evidenceFor: ControlRef,
    control: ControlRef,
  ): 'direct' | EvidenceCredit | undefined {
    if (formatControlRef(evidenceFor) === formatControlRef(control))
      return 'direct';
    const key = formatControlRef(control);
    return this.reachOf(evidenceFor).find(
      c => formatControlRef(c.control) === key,
    );
  }
}
