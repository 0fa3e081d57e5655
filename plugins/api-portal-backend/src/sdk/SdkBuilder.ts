/*
 * Builds SDKs in the background. Builds are content-addressed by (spec hash,
 * language, generator version): the spec hash is the revision's content
 * hash, and the package name and version written into the SDK come from the
 * spec itself, so the same text gives the same archive for every entity.
 * `ensureBuilds` creates pending rows (idempotent by the unique address);
 * the queue claims pending rows one by one with bounded concurrency, runs
 * the generator under a time limit and records `ready` or `failed` with the
 * log. A failing generator never escapes the queue. Generators come from
 * backend modules (the backend has none of its own) and run here, in the
 * backend process, as the module gave them. Each is given a self-contained
 * document: references are resolved by us under the reference policy first
 * (readDefinition.ts), and a document with an external `$ref` left never
 * reaches a generator.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  assertSelfContained,
  describeSpec,
} from '@readiness/plugin-api-portal-common';
import {
  SdkArtifactStore,
  SdkGenerator,
} from '@readiness/plugin-api-portal-node';
import { isReadableOpenApi } from '../revisions';
import { DefinitionReader } from '../worker/readDefinition';
import { WorkerPoolClosedError } from '../worker/runWorker';
import {
  CurrentRevision,
  DatabaseSpecStore,
} from '../database/DatabaseSpecStore';
import {
  DatabaseSdkStore,
  SdkBuild,
  SdkBuildAddress,
} from './DatabaseSdkStore';
import { packSdk, SDK_ARCHIVE_CONTENT_TYPE } from './archive';
import { sdkArtifactKey } from './artifactKey';

/** Options of the build queue, from `apiPortal.sdk`. */
export type SdkBuildOptions = {
  /** Builds that run at once. */
  concurrency: number;
  /** Longest one build may take, in milliseconds. */
  timeoutMs: number;
};

/** `Ledger API` → `ledger-api`: the package name of an SDK, from the spec. */
export function sdkPackageName(title: string): string {
  const slug = title
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'api';
}

const PENDING_BATCH = 20;

export class SdkBuilder {
  readonly #running = new Set<Promise<void>>();
  #draining: Promise<void> | undefined;
  #stopped = false;

  constructor(
    private readonly deps: {
      specs: DatabaseSpecStore;
      builds: DatabaseSdkStore;
      artifacts: SdkArtifactStore;
      generators: () => SdkGenerator[];
      logger: LoggerService;
      options: SdkBuildOptions;
      /**
       * Reads the definition text a build starts from into a self-contained
       * document, its references resolved under the reference policy.
       */
      readBundledDefinition: DefinitionReader;
    },
  ) {}

  /** The generator of a language, if the backend has one. */
  generator(language: string): SdkGenerator | undefined {
    return this.deps.generators().find(g => g.language === language);
  }

  languages(): SdkGenerator[] {
    return this.deps.generators();
  }

  /** Ensures a build per language for the current revision of the entities, then builds. */
  async ensureBuilds(entities: CurrentRevision[]): Promise<SdkBuild[]> {
    const generators = this.deps.generators();
    const builds = await this.deps.builds.ensureBuilds(
      entities
        .filter(entity => isReadableOpenApi(entity.revision))
        .flatMap(entity =>
          generators.map(generator => ({
            specHash: entity.revision.contentHash,
            language: generator.language,
            generatorVersion: generator.version,
          })),
        ),
    );
    if (builds.some(b => b.status === 'pending')) this.kick();
    return builds;
  }

  /** Ensures builds for every collected entity (after a collection pass, at start). */
  async ensureAll(): Promise<void> {
    await this.ensureBuilds(await this.deps.specs.currentRevisions());
    this.kick();
  }

  /** Queues a build again (a failed one, or a rebuild on request). */
  async rebuild(address: SdkBuildAddress): Promise<SdkBuild> {
    await this.deps.builds.ensureBuild(address);
    await this.deps.builds.requeue(address);
    this.kick();
    const build = await this.deps.builds.getBuild(address);
    if (!build) throw new Error('SDK build row vanished');
    return build;
  }

  /**
   * At start: builds a stopped backend left running (older than the build
   * time limit) go back to the queue, then the queue runs.
   */
  async resume(now: Date = new Date()): Promise<void> {
    await this.deps.builds.requeueStale(
      new Date(now.getTime() - this.deps.options.timeoutMs),
    );
    this.kick();
  }

  /** Starts draining the pending builds unless that is under way. */
  kick(): void {
    if (this.#stopped || this.#draining) return;
    this.#draining = this.drain()
      .catch(error =>
        this.deps.logger.error(`SDK build queue failed: ${error}`),
      )
      .finally(() => {
        this.#draining = undefined;
      });
  }

  /** Resolves when no build is queued or running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#draining) await this.#draining;
  }

  /** Stops taking new builds and waits for the running ones. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.idle();
  }

  private async drain(): Promise<void> {
    const limit = Math.max(1, this.deps.options.concurrency);
    for (;;) {
      if (this.#stopped) break;
      const pending = await this.deps.builds.listPending(PENDING_BATCH);
      if (pending.length === 0 && this.#running.size === 0) break;
      let started = 0;
      for (const build of pending) {
        if (this.#running.size >= limit) break;
        if (!(await this.deps.builds.claim(build))) continue;
        started += 1;
        const run: Promise<void> = this.run(build).finally(() =>
          this.#running.delete(run),
        );
        this.#running.add(run);
      }
      if (this.#running.size > 0) {
        await Promise.race(this.#running);
      } else if (started === 0) {
        break;
      }
    }
    await Promise.all(this.#running);
  }

  /** Runs one claimed build to `ready` or `failed`; never rejects. */
  private async run(build: SdkBuild): Promise<void> {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const started = Date.now();
    const controller = new AbortController();
    const timer = setTimeout(
      () =>
        controller.abort(
          new Error(
            `the build took longer than ${this.deps.options.timeoutMs} ms`,
          ),
        ),
      this.deps.options.timeoutMs,
    );
    try {
      const generator = this.generator(build.language);
      if (!generator || generator.version !== build.generatorVersion) {
        throw new Error(
          `No ${build.language} generator of version ${build.generatorVersion} in this backend`,
        );
      }
      const content = await this.deps.specs.getContent(build.specHash);
      if (content === undefined) {
        throw new Error(`No definition text with hash ${build.specHash}`);
      }
      const spec = await this.deps.readBundledDefinition(content);
      // Whatever reader was wired in, no generator sees an external $ref
      assertSelfContained(spec);
      const summary = describeSpec(spec);
      const packageName = sdkPackageName(summary.title);
      log(
        `${generator.displayName} SDK ${packageName} ${summary.apiVersion} with generator ${generator.version}`,
      );
      const files = await abortable(
        generator.generate({
          spec,
          packageName,
          packageVersion: summary.apiVersion,
          signal: controller.signal,
          log,
        }),
        controller.signal,
      );
      const archive = await packSdk(files, `${packageName}-${build.language}`);
      const artifactKey = sdkArtifactKey(build);
      await this.deps.artifacts.put(artifactKey, archive, {
        contentType: SDK_ARCHIVE_CONTENT_TYPE,
      });
      log(
        `packed ${files.length} files, ${archive.length} bytes, in ${
          Date.now() - started
        } ms`,
      );
      await this.deps.builds.finish(build, {
        status: 'ready',
        log: lines.join('\n'),
        artifactKey,
        sizeBytes: archive.length,
      });
    } catch (error) {
      if (error instanceof WorkerPoolClosedError) {
        // The backend is stopping: the build stays claimed and is queued
        // again when a backend starts (requeueStale)
        this.deps.logger.info(
          `SDK build ${build.language} of ${build.specHash} stopped with the backend`,
        );
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      lines.push(`build failed: ${message}`);
      this.deps.logger.warn(
        `SDK build ${build.language} ${build.generatorVersion} of ${build.specHash} failed: ${message}`,
      );
      await this.deps.builds
        .finish(build, { status: 'failed', log: lines.join('\n') })
        .catch(e =>
          this.deps.logger.error(`Could not record a failed SDK build: ${e}`),
        );
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Rejects when the signal fires, even if the work ignores it. */
function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}
