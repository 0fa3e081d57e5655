export * from './drills';
