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
import { createCheckpoint } from './checkpoint';
import { planCredentials, planMethods } from './clientPlan';
import { ModelBuilder } from './ModelBuilder';
import { listOperations } from './operations';
import { pythonPackageIdentity } from './packageIdentity';
import { renderClient } from './renderClient';
import { renderModels } from './renderModels';
import {
  renderInitModule,
  renderPyproject,
  renderReadme,
} from './renderPackage';

/**
 * Version of the Python generator's output; bump it whenever the files it
 * writes for the same spec change.
 */
const PYTHON_GENERATOR_VERSION = '1.0.0';

/**
 * Builds a typed Python package from an API description: `TypedDict`
 * models, a `Client` with one method per operation on `urllib.request`, no
 * third-party dependencies, Python 3.9+.
 *
 * @public
 */
export class PythonSdkGenerator implements SdkGenerator {
  readonly language = 'python';
  readonly displayName = 'Python';
  readonly version = PYTHON_GENERATOR_VERSION;

  instructions(input: { fileName: string; packageName: string }) {
    let usage: string | undefined;
    try {
      // The import package does not depend on the version
      usage = `import ${pythonPackageIdentity(input.packageName, '0').module}`;
    } catch {
      usage = undefined;
    }
    return {
      install: `pip install ${input.fileName}`,
      ...(usage && { usage }),
    };
  }

  async generate(input: SdkGenerationInput): Promise<SdkFiles> {
    const { signal, log } = input;
    signal?.throwIfAborted();
    const summary = describeSpec(input.spec);
    const reader = selfContainedReader(input.spec);
    const identity = pythonPackageIdentity(
      input.packageName,
      input.packageVersion,
    );
    if (identity.version !== input.packageVersion) {
      log(
        `version '${input.packageVersion}' written as '${identity.version}' (PEP 440)`,
      );
    }
    log(
      `generating ${identity.distribution} ${identity.version} (import ${identity.module}) from ${summary.title} ${summary.apiVersion}, spec version ${summary.version}`,
    );
    const checkpoint = createCheckpoint(signal);

    const models = new ModelBuilder(reader, log);
    for (const [pointer, name, schema] of models.componentSchemas) {
      await checkpoint();
      models.defineComponent(pointer, name, schema);
    }
    const schemes = securitySchemesOf(reader);
    const credentials = planCredentials(schemes);
    const methods = await planMethods(
      listOperations(reader),
      schemes,
      models,
      checkpoint,
    );
    for (const scheme of schemes.filter(s => s.kind === 'unsupported')) {
      log(
        `warning: security scheme '${scheme.name}' (${scheme.type}) is not supported; it is ignored`,
      );
    }

    const serverUrl = defaultServerUrl(reader);
    const baseUrl = /^https?:\/\//i.test(serverUrl) ? serverUrl : '';
    if (!baseUrl) {
      log(
        `no absolute server URL${
          serverUrl ? ` ('${serverUrl}' is relative)` : ''
        }; the client needs base_url`,
      );
    }
    const tokenUrl = schemes.find(
      s => s.clientCredentialsTokenUrl,
    )?.clientCredentialsTokenUrl;
    const client = renderClient({
      title: summary.title,
      defaultBaseUrl: baseUrl,
      schemes,
      credentials,
      methods,
      tokenUrl,
    });
    await checkpoint();
    const modelsSource = renderModels(summary.title, models.definitions);
    const description =
      summary.summary?.trim() ||
      `Python SDK for the ${summary.title} API ${summary.apiVersion}`;
    const { module } = identity;
    log(`${models.definitions.length} models, ${methods.length} operations`);
    return [
      {
        path: 'pyproject.toml',
        content: renderPyproject(
          identity,
          description.split('\n')[0].slice(0, 200),
        ),
      },
      {
        path: 'README.md',
        content: renderReadme({
          reader,
          title: summary.title,
          apiVersion: summary.apiVersion,
          summary: summary.summary,
          identity,
          baseUrl,
          schemes,
          credentials,
          methods,
          tokenUrl,
        }),
      },
      {
        path: `${module}/__init__.py`,
        content: renderInitModule(
          summary.title,
          identity.version,
          Boolean(tokenUrl),
        ),
      },
      { path: `${module}/client.py`, content: client },
      { path: `${module}/models.py`, content: modelsSource },
      { path: `${module}/py.typed`, content: '' },
    ];
  }
}
