export * from './types';
export * from './readinessFacts';
