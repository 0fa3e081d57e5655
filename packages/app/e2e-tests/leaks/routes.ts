/*
 * Every route of every backend plugin the portal serves, read from where the
 * plugins declare them: our plugins' OpenAPI documents, the OpenAPI documents
 * upstream plugins ship with their generated routers, and the route
 * declarations of upstream routers that have no document. A route that
 * appears here without a row in rows.ts fails the leak suite.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../../../..');
const METHODS = ['get', 'post', 'put', 'delete', 'patch'];

/** `METHOD /api/<plugin><path>` with `{param}` placeholders. */
export type RouteKey = string;

function packageDir(name: string): string {
  return path.dirname(
    require.resolve(`${name}/package.json`, { paths: [root] }),
  );
}

function routesOfSpec(
  pluginId: string,
  paths: Record<string, Record<string, unknown>>,
): RouteKey[] {
  return Object.entries(paths).flatMap(([route, operations]) =>
    Object.keys(operations)
      .filter(method => METHODS.includes(method))
      .map(method => `${method.toUpperCase()} /api/${pluginId}${route}`),
  );
}

function ourSpec(pluginId: string, pluginDir: string): RouteKey[] {
  const file = path.join(root, 'plugins', pluginDir, 'src/schema/openapi.yaml');
  return routesOfSpec(pluginId, parse(fs.readFileSync(file, 'utf8')).paths);
}

function upstreamSpec(pluginId: string, packageName: string): RouteKey[] {
  const file = path.join(
    packageDir(packageName),
    'dist/schema/openapi/generated/router.cjs.js',
  );
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { spec } = require(file);
  return routesOfSpec(pluginId, spec.paths);
}

// Express paths (`:name`, `:key(*)`) in OpenAPI spelling
function toTemplate(expressPath: string): string {
  return expressPath.replace(/:(\w+)(\([^)]*\))?/g, '{$1}');
}

function upstreamRouter(
  pluginId: string,
  packageName: string,
  file: string,
): RouteKey[] {
  const source = fs.readFileSync(
    path.join(packageDir(packageName), file),
    'utf8',
  );
  const routes: RouteKey[] = [];
  for (const match of source.matchAll(
    /router\.(get|post|put|delete|patch)\(\s*"([^"]+)"/g,
  )) {
    routes.push(
      `${match[1].toUpperCase()} /api/${pluginId}${toTemplate(match[2])}`,
    );
  }
  // Static docs are served by a mounted router, not a route declaration
  if (/router\.use\(\s*"\/static\/docs"/.test(source)) {
    routes.push(
      `GET /api/${pluginId}/static/docs/{namespace}/{kind}/{name}/{path}`,
    );
  }
  if (routes.length === 0) {
    throw new Error(`No routes found in ${packageName}/${file}`);
  }
  return routes;
}

/** Every route the leak suite must cover. */
export function discoverRoutes(): RouteKey[] {
  return [
    ...ourSpec('api-portal', 'api-portal-backend'),
    ...ourSpec('reliability', 'reliability-backend'),
    ...ourSpec('partner', 'partner-backend'),
    ...ourSpec('compliance', 'compliance-backend'),
    ...ourSpec('scorecards', 'scorecards-backend'),
    ...upstreamSpec('catalog', '@backstage/plugin-catalog-backend'),
    ...upstreamSpec('search', '@backstage/plugin-search-backend'),
    ...upstreamRouter(
      'techdocs',
      '@backstage/plugin-techdocs-backend',
      'dist/service/router.cjs.js',
    ),
    ...upstreamRouter(
      'permission',
      '@backstage/plugin-permission-backend',
      'dist/service/router.cjs.js',
    ),
    ...upstreamRouter(
      'user-settings',
      '@backstage/plugin-user-settings-backend',
      'dist/service/router.cjs.js',
    ),
  ].sort();
}
