export * from './types';
export { readProcessingRecord } from './readProcessingRecord';
export {
  DEFAULT_DPA_CONTROL,
  DEFAULT_MAX_RETENTION,
  gdprFindings,
  hasDpaEvidence,
} from './findings';
export type { GdprFindingOptions } from './findings';
export type {
  DataFlow,
  DataFlowSource,
  EntityGdprRecord,
  GdprRegister,
  GdprRegisterEntry,
} from './register';
