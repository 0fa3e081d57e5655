import { ControlRef } from '../frameworks/types';

/**
 * The annotation by which an entity declares controls not applicable, each
 * with its justification: one declaration a line,
 * `ISO27001:8.13 = why the control does not apply to this entity`.
 *
 * @public
 */
export const NOT_APPLICABLE_ANNOTATION =
  'readiness.dev/compliance-not-applicable';

/**
 * Which catalog entities a rule applies to. Every field given must match; a
 * field with several values matches when one of them does. Kinds, types and
 * lifecycles compare without regard to case; systems and domains are full
 * entity refs.
 *
 * @public
 */
export type EntitySelector = {
  kinds?: string[];
  /** `spec.type` */
  types?: string[];
  /** `spec.lifecycle` */
  lifecycles?: string[];
  /** The system an entity is part of (`system:default/filing-platform`); a System is part of itself. */
  systems?: string[];
  /** The domain of the entity's system (`domain:default/document-filing`); a Domain is in itself. */
  domains?: string[];
  /** The entity has at least one of these tags. */
  tags?: string[];
  /** Annotation key → one of these values, or `true` (present) / `false` (absent). */
  annotations?: Record<string, string[] | boolean>;
};

/**
 * A rule of the applicability file: the controls that apply to the entities
 * it selects.
 *
 * @public
 */
export type ApplicabilityRule = {
  /** Unique in the file, lower-case words joined by `-`; shown as the reason a control applies. */
  id: string;
  description?: string;
  select: EntitySelector;
  controls: ControlRef[];
};

/**
 * A control in scope of an entity, and why.
 *
 * @public
 */
export type EntityControl = {
  control: ControlRef;
  /** The rules that make the control apply to the entity, in file order. */
  rules: string[];
} & (
  | { status: 'applicable' }
  | {
      status: 'not-applicable';
      /** Why the entity declares that the control does not apply. */
      justification: string;
    }
);

/**
 * Something wrong in how an entity declares its scope.
 *
 * @public
 */
export type EntityApplicabilityProblem = {
  entityRef: string;
  /** JSON pointer into the entity, e.g. the not-applicable annotation. */
  path: string;
  message: string;
};

/**
 * The controls that apply to one entity, with the rules behind each and its
 * declared exceptions.
 *
 * @public
 */
export type EntityApplicability = {
  entityRef: string;
  /** Ordered as the frameworks are loaded and as each framework lists its controls. */
  controls: EntityControl[];
  problems: EntityApplicabilityProblem[];
};
