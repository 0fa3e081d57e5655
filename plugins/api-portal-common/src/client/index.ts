export * from './ApiPortalClient';
export * from './types';
