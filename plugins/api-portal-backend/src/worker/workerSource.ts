/*
 * The code run in a worker thread to parse, lint and bundle definitions, one
 * task at a time, for as long as the pool keeps the worker. It is
 * plain JavaScript kept as a string (a worker started with `eval`), so it
 * runs the same from TypeScript sources, in tests and in a built backend; it
 * loads `yaml` and `@redocly/openapi-core` from paths the main thread
 * resolved. It holds no logic beyond calling those two libraries: what the
 * results mean is decided in the typed modules that start it (the dialect
 * of a definition, for one, by the portal's OpenAPI reader from the
 * top-level fields the worker hands back as written). Every document
 * a `$ref` names is asked of the main thread, which answers under the
 * reference policy (referencePolicy.ts); the worker reads no file and opens
 * no connection itself.
 */
export const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');

function topLevel(value) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { mapping: false, type: Array.isArray(value) ? 'array' : typeof value };
  }
  const info = value.info && typeof value.info === 'object' ? value.info : {};
  const text = v => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  // As written: the main thread reads the dialect from them with the portal's reader
  const declared = v => (typeof v === 'string' || typeof v === 'number' ? v : undefined);
  return {
    mapping: true,
    openapi: declared(value.openapi),
    swagger: declared(value.swagger),
    asyncapi: text(value.asyncapi),
    infoVersion: text(info.version),
    infoTitle: text(info.title),
  };
}

/** The value of a definition text, or the error code and message. */
function read(task) {
  const yaml = require(workerData.yamlPath);
  const body = task.content.replace(/^\uFEFF/, '');
  // A definition that starts like JSON is read as JSON: YAML would accept
  // broken JSON such as {"info": } as a flow mapping
  if (/^\s*[{[]/.test(body)) {
    try {
      return { syntax: 'json', value: JSON.parse(body) };
    } catch (error) {
      return { error: { code: 'invalid-json', message: String(error.message) } };
    }
  }
  try {
    const value = yaml.parse(body, {
      maxAliasCount: task.maxAliasCount,
      uniqueKeys: false,
      merge: true,
      prettyErrors: true,
    });
    return { syntax: 'yaml', value };
  } catch (error) {
    const message = String(error && error.message || error);
    if (/alias/i.test(message) && /excessive|count/i.test(message)) {
      return { error: { code: 'yaml-alias-limit', message } };
    }
    return { error: { code: 'invalid-yaml', message } };
  }
}

function parse(task) {
  const started = Date.now();
  const outcome = read(task);
  if (outcome.error) return { error: outcome.error };
  return { syntax: outcome.syntax, top: topLevel(outcome.value), ms: Date.now() - started };
}

/** The definition as JSON text, which the main thread reads far faster than YAML. */
function toJson(task) {
  const outcome = read(task);
  if (outcome.error) return { error: outcome.error };
  return { json: JSON.stringify(outcome.value) };
}

// Loaded once per worker: openapi-core and each lint configuration
let corePromise;
const configs = new Map();

function loadCore() {
  if (!corePromise) corePromise = import(pathToFileURL(workerData.corePath).href);
  return corePromise;
}

function loadLintConfig(core, configPath) {
  const key = configPath || '';
  if (!configs.has(key)) {
    configs.set(key, core.loadConfig(configPath ? { configPath } : {}));
  }
  return configs.get(key);
}

// Documents named by $refs, asked of the main thread: load id -> settle
const loads = new Map();
let nextLoad = 0;

/** A resolver that loads every referenced document through the main thread. */
function policyResolver(core, config, taskId) {
  class PolicyResolver extends core.BaseResolver {
    loadExternalRef(absoluteRef) {
      return new Promise((resolve, reject) => {
        const loadId = nextLoad++;
        loads.set(loadId, answer => {
          if (typeof answer.error === 'string') {
            reject(new core.ResolveError(new Error(answer.error)));
          } else {
            resolve(new core.Source(absoluteRef, answer.body, answer.mimeType));
          }
        });
        parentPort.postMessage({ id: taskId, load: { loadId, ref: absoluteRef } });
      });
    }
  }
  return new PolicyResolver(config.resolve);
}

function rawProblem(core, problem) {
  const location = problem.location && problem.location[0];
  let start;
  if (location) {
    try {
      start = core.getLineColLocation(location).start;
    } catch {
      start = undefined;
    }
  }
  return {
    ruleId: problem.ruleId,
    severity: problem.severity,
    message: problem.message,
    pointer: location ? location.pointer : undefined,
    source: location && location.source ? location.source.absoluteRef : undefined,
    line: start ? start.line : undefined,
    col: start ? start.col : undefined,
  };
}

async function lint(task, taskId) {
  const core = await loadCore();
  const config = await loadLintConfig(core, task.configPath);
  const document = core.makeDocumentFromString(task.content, task.absoluteRef);
  const problems = await core.lintDocument({
    document,
    config,
    externalRefResolver: policyResolver(core, config, taskId),
  });
  return { problems: problems.map(problem => rawProblem(core, problem)) };
}

// Bundling takes no redocly.yaml: its decorators would change what SDKs are built from
let bundleConfig;

/** The definition with every referenced document pulled in, and what could not be. */
async function bundle(task, taskId) {
  const core = await loadCore();
  if (!bundleConfig) bundleConfig = core.createConfig({});
  const config = await bundleConfig;
  const document = core.makeDocumentFromString(task.content, task.absoluteRef);
  const result = await core.bundle({
    doc: document,
    config,
    externalRefResolver: policyResolver(core, config, taskId),
  });
  return {
    json: JSON.stringify(result.bundle.parsed),
    problems: result.problems
      .filter(problem => problem.severity === 'error')
      .map(problem => rawProblem(core, problem)),
  };
}

parentPort.on('message', async message => {
  if (message.loaded) {
    const settle = loads.get(message.loaded.loadId);
    loads.delete(message.loaded.loadId);
    if (settle) settle(message.loaded);
    return;
  }
  const { id, task } = message;
  try {
    const result =
      task.type === 'lint'
        ? await lint(task, id)
        : task.type === 'bundle'
          ? await bundle(task, id)
          : task.type === 'json'
            ? toJson(task)
            : parse(task);
    parentPort.postMessage({ id, result });
  } catch (error) {
    parentPort.postMessage({
      id,
      failure: { name: String(error && error.name), message: String(error && error.message || error) },
    });
  }
});
`;
