export * from './ComplianceClient';
