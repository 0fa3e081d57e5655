import {
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { SdkArtifactStore } from '@readiness/plugin-api-portal-node';
import {
  EntitySdk,
  EntitySdks,
  SdkDownloads,
} from '@readiness/plugin-api-portal-common';
import { Readable } from 'node:stream';
import { DefinitionReader } from '../worker/readDefinition';
import {
  CurrentRevision,
  DatabaseSpecStore,
} from '../database/DatabaseSpecStore';
import { DatabaseSdkStore, SdkBuild } from './DatabaseSdkStore';
import { countsFor, downloaderOf, SdkDownloader } from './downloaders';
import { toPostmanCollection } from './postman';
import { isReadableOpenApi, UNVERSIONED } from '../revisions';
import { SdkBuilder, sdkPackageName } from './SdkBuilder';
import { sdkSourceNotFound } from '../service/notFound';

/** A download about to be streamed. */
export type SdkDownloadStream = {
  fileName: string;
  contentType: string;
  size: number;
  stream: Readable;
};

export type SdkCallOptions = { credentials: BackstageCredentials };

/** SDK builds, downloads and Postman collections of API entities. */
export interface SdkService {
  listSdks(entityRef: string, options: SdkCallOptions): Promise<EntitySdks>;
  download(
    entityRef: string,
    language: string,
    options: SdkCallOptions,
  ): Promise<SdkDownloadStream>;
  build(
    entityRef: string,
    language: string,
    options: SdkCallOptions,
  ): Promise<EntitySdk>;
  postmanCollection(
    entityRef: string,
    options: SdkCallOptions,
  ): Promise<Record<string, unknown>>;
}

const POSTMAN_CACHE_ENTRIES = 32;

/** The version label of a revision in file names and counts. */
function versionOf(current: CurrentRevision): string {
  return current.revision.version ?? UNVERSIONED;
}

export class DefaultSdkService implements SdkService {
  readonly #postman = new Map<string, Record<string, unknown>>();

  constructor(
    private readonly deps: {
      specs: DatabaseSpecStore;
      builds: DatabaseSdkStore;
      artifacts: SdkArtifactStore;
      builder: SdkBuilder;
      userInfo: UserInfoService;
      /** Reads a definition into a self-contained document (references resolved). */
      readBundledDefinition: DefinitionReader;
    },
  ) {}

  async listSdks(
    entityRef: string,
    options: SdkCallOptions,
  ): Promise<EntitySdks> {
    const current = await this.buildable(entityRef);
    const caller = await this.downloader(options.credentials);
    // Lazy: asking for the SDKs queues the builds that are missing
    const builds = await this.deps.builder.ensureBuilds([current]);
    const totals = await this.downloadsOf(current, caller);
    return {
      entityRef: current.entityRef,
      family: current.family,
      version: versionOf(current),
      specHash: current.revision.contentHash,
      // The revision keeps info.title, so the list never parses the spec
      packageName: sdkPackageName(current.revision.title ?? ''),
      sdks: builds.map(build =>
        this.describe(current, build, caller, totals(build.language)),
      ),
    };
  }

  async download(
    entityRef: string,
    language: string,
    options: SdkCallOptions,
  ): Promise<SdkDownloadStream> {
    const current = await this.buildable(entityRef);
    const { build } = await this.buildOf(current, language);
    if (!build) {
      throw new NotFoundError(
        `No ${language} SDK has been built for ${entityRef}; list its SDKs or POST .../sdks/${language}/build to build it`,
      );
    }
    if (build.status === 'pending' || build.status === 'building') {
      throw new ConflictError(
        `The ${language} SDK of ${entityRef} is ${build.status}; try again in a minute`,
      );
    }
    if (build.status === 'failed' || !build.artifactKey) {
      throw new ConflictError(
        `The ${language} SDK of ${entityRef} failed to build; see its log in the SDK list`,
      );
    }
    const artifact = await this.deps.artifacts.get(build.artifactKey);
    if (!artifact) {
      throw new NotFoundError(
        `The ${language} SDK archive of ${entityRef} is missing from the artifact store; build it again`,
      );
    }
    const downloader = await this.downloader(options.credentials);
    await this.deps.builds.countDownload({
      family: current.family,
      version: versionOf(current),
      language,
      day: new Date().toISOString().slice(0, 10),
      audience: downloader.audience,
      partnerOrgs: downloader.partnerOrgs,
    });
    return {
      fileName: this.fileName(current, language),
      contentType: artifact.contentType,
      size: artifact.size,
      stream: artifact.stream,
    };
  }

  async build(
    entityRef: string,
    language: string,
    options: SdkCallOptions,
  ): Promise<EntitySdk> {
    const current = await this.buildable(entityRef);
    const { generator, build } = await this.buildOf(current, language);
    const address = {
      specHash: current.revision.contentHash,
      language,
      generatorVersion: generator.version,
    };
    const queued =
      build?.status === 'pending' || build?.status === 'building'
        ? build
        : await this.deps.builder.rebuild(address);
    const caller = await this.downloader(options.credentials);
    const totals = await this.downloadsOf(current, caller);
    return this.describe(current, queued, caller, totals(language));
  }

  async postmanCollection(entityRef: string): Promise<Record<string, unknown>> {
    const current = await this.buildable(entityRef);
    const hash = current.revision.contentHash;
    const cached = this.#postman.get(hash);
    if (cached) return cached;
    const collection = await toPostmanCollection(await this.spec(current));
    if (this.#postman.size >= POSTMAN_CACHE_ENTRIES) {
      const oldest = this.#postman.keys().next().value;
      if (oldest !== undefined) this.#postman.delete(oldest);
    }
    this.#postman.set(hash, collection);
    return collection;
  }

  private describe(
    current: CurrentRevision,
    build: SdkBuild,
    caller: SdkDownloader,
    downloads: SdkDownloads,
  ): EntitySdk {
    const generator = this.deps.builder.generator(build.language);
    const fileName = this.fileName(current, build.language);
    return {
      language: build.language,
      displayName: generator?.displayName ?? build.language,
      generatorVersion: build.generatorVersion,
      status: build.status,
      ...(build.sizeBytes !== undefined && { sizeBytes: build.sizeBytes }),
      ...(build.finishedAt && { finishedAt: build.finishedAt }),
      ...(caller.scope === 'all' &&
        build.status === 'failed' &&
        build.log !== undefined && { log: build.log }),
      downloads,
      fileName,
      ...generator?.instructions?.({
        fileName,
        packageName: sdkPackageName(current.revision.title ?? ''),
      }),
    };
  }

  /**
   * Download totals of the entity's version by language, as the caller may
   * see them: split by audience, or their own organisation's only; `sample`
   * says how many of them are sample data, when any are.
   */
  private async downloadsOf(current: CurrentRevision, caller: SdkDownloader) {
    const rows = (
      await this.deps.builds.downloadTotals(current.family, versionOf(current))
    ).filter(row => countsFor(caller, row.partnerOrgs));
    return (language: string): SdkDownloads => {
      const sum = (filter: (row: (typeof rows)[number]) => boolean) =>
        rows
          .filter(r => r.language === language && filter(r))
          .reduce((n, r) => n + r.downloads, 0);
      const sample = sum(r => r.sample);
      const marked = sample > 0 ? { sample } : {};
      if (caller.scope === 'organisation') {
        return { scope: 'organisation', total: sum(() => true), ...marked };
      }
      const internal = sum(r => r.audience === 'internal');
      const partner = sum(r => r.audience === 'partner');
      return {
        scope: 'all',
        internal,
        partner,
        total: internal + partner,
        ...marked,
      };
    };
  }

  private fileName(current: CurrentRevision, language: string): string {
    const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-');
    return `${safe(current.family)}-${safe(versionOf(current))}-${safe(
      language,
    )}.tar.gz`;
  }

  private async buildOf(current: CurrentRevision, language: string) {
    const generator = this.deps.builder.generator(language);
    if (!generator) {
      const languages = this.deps.builder.languages().map(g => g.language);
      throw new NotFoundError(
        languages.length > 0
          ? `No SDK language '${language}'; available: ${languages.join(', ')}`
          : `No SDK language '${language}'; this backend has no SDK generator module`,
      );
    }
    const build = await this.deps.builds.getBuild({
      specHash: current.revision.contentHash,
      language,
      generatorVersion: generator.version,
    });
    return { generator, build };
  }

  private async buildable(entityRef: string): Promise<CurrentRevision> {
    const [current] = await this.deps.specs.currentRevisions({ entityRef });
    if (!current) {
      throw sdkSourceNotFound(entityRef);
    }
    if (!isReadableOpenApi(current.revision)) {
      throw new NotFoundError(
        `${entityRef} has no readable OpenAPI or Swagger definition to build SDKs from`,
      );
    }
    return current;
  }

  private async spec(current: CurrentRevision): Promise<Record<string, any>> {
    const content = await this.deps.specs.getContent(
      current.revision.contentHash,
    );
    if (content === undefined) {
      throw new NotFoundError(
        `The definition text of ${current.entityRef} is not kept`,
      );
    }
    return this.deps.readBundledDefinition(content);
  }

  private downloader(
    credentials: BackstageCredentials,
  ): Promise<SdkDownloader> {
    return downloaderOf(credentials, this.deps.userInfo);
  }
}
