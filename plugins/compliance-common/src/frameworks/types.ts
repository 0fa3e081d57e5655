import { HumanDuration } from '@backstage/types';
import { ComplianceFileProblem } from '../files/sourceFile';

/**
 * A control of a framework. Written `SOC2:CC6.1` in files and annotations
 * (see {@link formatControlRef}).
 *
 * @public
 */
export type ControlRef = {
  /** The framework's id, e.g. `SOC2`, `ISO27001`. */
  framework: string;
  /** The control's id in its framework, e.g. `CC6.1`, `8.13`, `ac-2.1`. */
  control: string;
};

/**
 * A group of controls (a SOC 2 criteria series, an ISO 27001 theme, an
 * OSCAL group such as a NIST control family).
 *
 * @public
 */
export type FrameworkGroup = {
  id: string;
  title: string;
  /** The group this one is nested in (OSCAL groups nest). */
  parent?: string;
};

/**
 * One control of a framework.
 *
 * @public
 */
export type FrameworkControl = {
  id: string;
  /** A short title; for SOC 2 and ISO 27001 our own words, for OSCAL files the file's. */
  title: string;
  /** How people write the id, where the source gives it (OSCAL `label`, e.g. `AC-2(1)`). */
  label?: string;
  /** The innermost group the control is in. */
  group?: string;
  /** The control this one enhances (OSCAL control enhancements). */
  parent?: string;
  /** How long evidence for the control stays valid after it was collected. */
  validity: HumanDuration;
  tags: string[];
};

/**
 * Where a framework was read from.
 *
 * @public
 */
export type FrameworkOrigin =
  | 'framework-file'
  | 'oscal-catalog'
  | 'oscal-profile';

/**
 * A control framework: its groups and controls in their order.
 *
 * @public
 */
export type Framework = {
  /** Unique among loaded frameworks; letters, digits, `.`, `_` and `-`. */
  id: string;
  title: string;
  version?: string;
  /** The file it was read from. */
  file: string;
  origin: FrameworkOrigin;
  groups: FrameworkGroup[];
  controls: FrameworkControl[];
  /** Ids the source lists as withdrawn: named as such when something refers to them. */
  withdrawn: string[];
};

/**
 * OSCAL's mapping relationship between the requirements of a source control
 * and a target control: `subset-of` means everything the source requires,
 * the target requires too (and more).
 *
 * @public
 */
export type MappingRelationship =
  | 'equivalent-to'
  | 'subset-of'
  | 'superset-of'
  | 'intersects-with';

/**
 * One entry of a mapping between two frameworks.
 *
 * @public
 */
export type ControlMapping = {
  source: ControlRef;
  relationship: MappingRelationship;
  target: ControlRef;
  remarks?: string;
};

/**
 * A mapping between the controls of two frameworks.
 *
 * @public
 */
export type FrameworkMapping = {
  id: string;
  title: string;
  file: string;
  /** Framework id of every entry's source. */
  source: string;
  /** Framework id of every entry's target. */
  target: string;
  entries: ControlMapping[];
};

/**
 * Everything read from a set of framework files: the frameworks and mappings
 * that loaded, and the problems of those that did not.
 *
 * @public
 */
export type FrameworkSet = {
  frameworks: Framework[];
  mappings: FrameworkMapping[];
  problems: ComplianceFileProblem[];
};
