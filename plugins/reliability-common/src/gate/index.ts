export * from './gate';
export * from './gateRequest';
