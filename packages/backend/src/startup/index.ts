/*
 * How the backend starts: replicas on one PostgreSQL take turns and run
 * every migration under one lock, a replica repairs migration locks left by
 * one that died, and a start that fails ends the process.
 */
export { StartupGuard } from './StartupGuard';
export { startBackend } from './startBackend';
export { enterPackageFolder } from './workingDirectory';
