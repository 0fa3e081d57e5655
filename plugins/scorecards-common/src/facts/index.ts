export * from './types';
export * from './readinessFacts';
export { FACT_KIND } from './pushedSchema';
export { loadPushedFacts, readPushedFactFile } from './loadPushedFacts';
export type { PushedFactFile, PushedFactSet } from './loadPushedFacts';
export { MAX_PUSHED_TEXT, readPushedFactValue } from './pushedValues';
