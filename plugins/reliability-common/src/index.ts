/**
 * Types and pure functions of the reliability plugins: the normalised model of
 * a performance run's results and the readers of every summary shape k6 writes.
 *
 * @packageDocumentation
 */

export * from './perfResults';
export * from './k6';
export * from './perfRun';
export * from './permissions';
export * from './openslo';
export * from './slo';
export * from './client';
export * from './regression';
export * from './drills';
export * from './gate';
export * from './backups';
export * from './trend';
export * from './entityRecords';
export * from './sampleData';
export * from './changes';
