import {
  defaultServerUrl,
  describeSpec,
  securitySchemesOf,
  selfContainedReader,
} from '@readiness/plugin-api-portal-common';
import type {
  SdkFiles,
  SdkGenerationInput,
  SdkGenerator,
} from '@readiness/plugin-api-portal-node';
import {
  renderPackageJson,
  renderTsconfig,
  renderTypeScriptReadme,
  sdkFunctions,
  toNpmName,
  toSemver,
} from './packageFiles';
import { locateHeyApi, runHeyApi } from './runHeyApi';

/**
 * Version of our wrapping (package.json, tsconfig, README, options passed to
 * hey-api); the hey-api version is appended to form the generator version.
 */
const WRAPPER_VERSION = '1';

/**
 * Options of the TypeScript generator.
 *
 * @public
 */
export interface TypeScriptSdkGeneratorOptions {
  /** Heap limit of the generator's child process in MiB; defaults to 2048. */
  maxOldSpaceMb?: number;
}

/**
 * Builds a TypeScript SDK with @hey-api/openapi-ts (fetch client, types,
 * one function per operation) in a child process, and adds `package.json`,
 * `tsconfig.json` and a README. Accepts Swagger 2.0 and OpenAPI 3.0/3.1.
 *
 * @public
 */
export class TypeScriptSdkGenerator implements SdkGenerator {
  readonly language = 'typescript';
  readonly displayName = 'TypeScript';
  readonly version: string;
  readonly #heyApiVersion: string;
  readonly #maxOldSpaceMb: number;

  constructor(options: TypeScriptSdkGeneratorOptions = {}) {
    this.#heyApiVersion = locateHeyApi().version;
    this.version = `${WRAPPER_VERSION}+openapi-ts.${this.#heyApiVersion}`;
    this.#maxOldSpaceMb = options.maxOldSpaceMb ?? 2048;
  }

  instructions(input: { fileName: string; packageName: string }) {
    return {
      install: `tar -xzf ${input.fileName} && cd <folder> && npm install && npm pack  # then npm install the .tgz`,
      usage: `import * as api from '${input.packageName}';`,
    };
  }

  async generate(input: SdkGenerationInput): Promise<SdkFiles> {
    const { spec, log, signal } = input;
    const summary = describeSpec(spec);
    const name = toNpmName(input.packageName);
    const version = toSemver(input.packageVersion);
    if (version !== input.packageVersion) {
      log(`version '${input.packageVersion}' written as '${version}' (semver)`);
    }
    log(
      `generating ${name}@${version} from ${summary.title} ${
        summary.apiVersion
      } (spec version ${summary.version}) with @hey-api/openapi-ts ${
        this.#heyApiVersion
      }`,
    );
    const sources = await runHeyApi({
      spec,
      signal,
      log,
      maxOldSpaceMb: this.#maxOldSpaceMb,
    });
    if (!sources.has('index.ts')) {
      throw new Error('The TypeScript generator wrote no index.ts');
    }
    // hey-api was given the document once it was self-contained
    const reader = selfContainedReader(spec);
    const serverUrl = defaultServerUrl(reader);
    const functions = sdkFunctions(sources.get('sdk.gen.ts') ?? '');
    log(
      `${sources.size} source files, ${functions.length} operation functions`,
    );
    return [
      {
        path: 'package.json',
        content: renderPackageJson({
          name,
          version,
          title: summary.title,
          apiVersion: summary.apiVersion,
          heyApiVersion: this.#heyApiVersion,
        }),
      },
      { path: 'tsconfig.json', content: renderTsconfig() },
      {
        path: 'README.md',
        content: renderTypeScriptReadme({
          name,
          version,
          title: summary.title,
          apiVersion: summary.apiVersion,
          baseUrl: /^https?:\/\//i.test(serverUrl) ? serverUrl : '',
          schemes: securitySchemesOf(reader),
          functions,
        }),
      },
      ...[...sources].map(([path, content]) => ({
        path: `src/${path}`,
        content,
      })),
    ];
  }
}
