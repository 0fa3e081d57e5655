export * from './regression';
