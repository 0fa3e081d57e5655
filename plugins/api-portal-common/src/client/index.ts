export * from './ApiPortalClient';
