export * from './ReliabilityClient';
