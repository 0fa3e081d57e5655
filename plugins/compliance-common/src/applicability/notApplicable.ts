/*
 * The not-applicable annotation: one declaration a line,
 *
 *   ISO27001:8.13 = OCR keeps no data of its own; ...
 *   SOC2:A1.2 = ...
 *
 * A line may hold several declarations separated by `;` when the next one
 * starts with a control reference and `=` (so a justification may itself
 * contain semicolons). A declaration without a justification is refused,
 * never taken as an exception.
 */
import { parseControlRef } from '../frameworks/controlRef';
import { ControlRef } from '../frameworks/types';

/** The shortest justification accepted: a few words, not `n/a`. */
export const MIN_JUSTIFICATION_LENGTH = 10;

/**
 * One control an entity declares not applicable, and why.
 *
 * @public
 */
export type NotApplicableDeclaration = {
  control: ControlRef;
  justification: string;
  /** The declaration as written, for messages. */
  text: string;
};

const NEXT_DECLARATION = /;\s*(?=[^\s:;=]+:[^\s:;=]+\s*=)/;

/**
 * Reads the declarations of a not-applicable annotation's value; each one
 * that cannot be taken is a problem message naming it.
 *
 * @public
 */
export function readNotApplicableDeclarations(value: string): {
  declarations: NotApplicableDeclaration[];
  problems: string[];
} {
  const declarations: NotApplicableDeclaration[] = [];
  const problems: string[] = [];
  const parts = value
    .split(/\r?\n/)
    .flatMap(line => line.split(NEXT_DECLARATION))
    .map(part => part.trim())
    .filter(part => part !== '');

  for (const part of parts) {
    const equals = part.indexOf('=');
    const refText = (equals < 0 ? part : part.slice(0, equals)).trim();
    const justification = equals < 0 ? '' : part.slice(equals + 1).trim();
    const control = parseControlRef(refText);
    if (!control) {
      problems.push(
        `"${part}" does not start with a control reference such as ISO27001:8.13`,
      );
      continue;
    }
    if (justification.length < MIN_JUSTIFICATION_LENGTH) {
      problems.push(
        `"${part}" declares ${refText} not applicable without a justification; write "${refText} = <why the control does not apply to this entity>"`,
      );
      continue;
    }
    declarations.push({ control, justification, text: part });
  }
  return { declarations, problems };
}
