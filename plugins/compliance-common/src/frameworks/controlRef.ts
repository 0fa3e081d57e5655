import { ControlRef, Framework, FrameworkControl } from './types';

/** Framework ids: no colon, so `SOC2:CC6.1` splits at its first one. */
export const FRAMEWORK_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Control ids: OSCAL's token datatype, plus ids that start with a digit (`5.1`). */
export const CONTROL_ID = /^[\p{L}\p{N}_][\p{L}\p{N}._-]*$/u;

/**
 * `SOC2:CC6.1` from `{ framework: 'SOC2', control: 'CC6.1' }`.
 *
 * @public
 */
export function formatControlRef(ref: ControlRef): string {
  return `${ref.framework}:${ref.control}`;
}

/**
 * `{ framework: 'SOC2', control: 'CC6.1' }` from `SOC2:CC6.1`, or undefined
 * when the text is not of that shape.
 *
 * @public
 */
export function parseControlRef(text: string): ControlRef | undefined {
  const match = /^([^:\s]+):([^:\s]+)$/.exec(text.trim());
  if (!match || !FRAMEWORK_ID.test(match[1]) || !CONTROL_ID.test(match[2])) {
    return undefined;
  }
  return { framework: match[1], control: match[2] };
}

/**
 * Finds controls by reference across loaded frameworks, and says why a
 * reference does not resolve.
 *
 * @public
 */
export class ControlIndex {
  private readonly byFramework = new Map<
    string,
    {
      framework: Framework;
      position: number;
      controls: Map<string, { control: FrameworkControl; position: number }>;
    }
  >();

  constructor(readonly frameworks: readonly Framework[]) {
    frameworks.forEach((framework, position) => {
      this.byFramework.set(framework.id, {
        framework,
        position,
        controls: new Map(
          framework.controls.map((control, index) => [
            control.id,
            { control, position: index },
          ]),
        ),
      });
    });
  }

  framework(id: string): Framework | undefined {
    return this.byFramework.get(id)?.framework;
  }

  control(ref: ControlRef): FrameworkControl | undefined {
    return this.byFramework.get(ref.framework)?.controls.get(ref.control)
      ?.control;
  }

  /**
   * Compares two controls by the order of their frameworks and their order
   * within them; unknown controls come last.
   */
  compare(a: ControlRef, b: ControlRef): number {
    const rank = (ref: ControlRef): [number, number] => {
      const entry = this.byFramework.get(ref.framework);
      const control = entry?.controls.get(ref.control);
      return entry && control
        ? [entry.position, control.position]
        : [Number.MAX_SAFE_INTEGER, 0];
    };
    const [fa, ca] = rank(a);
    const [fb, cb] = rank(b);
    return fa - fb || ca - cb;
  }

  /** Why `ref` names no loaded control, or undefined when it does. */
  problemOf(ref: ControlRef): string | undefined {
    const entry = this.byFramework.get(ref.framework);
    if (!entry) {
      const known = [...this.byFramework.keys()].join(', ') || 'none';
      return `unknown framework "${ref.framework}"; loaded frameworks: ${known}`;
    }
    if (entry.controls.has(ref.control)) return undefined;
    if (entry.framework.withdrawn.includes(ref.control)) {
      return `${formatControlRef(ref)} is withdrawn from ${
        entry.framework.title
      }`;
    }
    return `${formatControlRef(ref)} is not a control of ${
      entry.framework.title
    } (${entry.framework.file})`;
  }
}
