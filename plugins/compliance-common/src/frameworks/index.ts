export type * from './types';
export { ControlIndex, formatControlRef, parseControlRef } from './controlRef';
export {
  DEFAULT_CONTROL_VALIDITY,
  loadFrameworks,
  type FrameworkSourceFile,
} from './loadFrameworks';
export {
  EvidenceReach,
  evidenceDirection,
  type EvidenceCredit,
} from './evidenceReach';
