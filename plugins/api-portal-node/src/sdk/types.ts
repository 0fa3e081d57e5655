import type { Readable } from 'node:stream';

/**
 * One file of a generated SDK, with a POSIX path relative to the SDK's root
 * folder (no leading slash, no `..`).
 *
 * @public
 */
export interface SdkFile {
  path: string;
  content: string | Buffer;
}

/**
 * The files of a generated SDK.
 *
 * @public
 */
export type SdkFiles = SdkFile[];

/**
 * What an {@link SdkGenerator} is asked to build.
 *
 * @public
 */
export interface SdkGenerationInput {
  /**
   * A bundled OpenAPI 3.0/3.1 or Swagger 2.0 document with internal `$ref`s
   * only: the backend resolved its references under its reference policy
   * before the generator is called. Generators never modify it, and never
   * read files or URLs on its behalf (a generator that starts a process
   * gives it {@link childProcessEnv}, not the backend's environment).
   */
  spec: object;
  /** The package name the SDK is published under, e.g. `ledger-api`. */
  packageName: string;
  /** The package version, usually the API's `info.version`. */
  packageVersion: string;
  /** Cancels the build; a generator stops as soon as it can and rejects. */
  signal?: AbortSignal;
  /** Receives progress and warnings, one line at a time, for the build log. */
  log: (line: string) => void;
}

/**
 * Builds the SDK of one language from an API description.
 *
 * A generator rejects with an `Error` whose message says what is wrong (for
 * example an unsupported spec version); the backend records it with the log
 * as a failed build.
 *
 * @public
 */
export interface SdkGenerator {
  /** Language id used in URLs and content addresses, e.g. `python`. */
  readonly language: string;
  /** Human-readable name, e.g. `Python`. */
  readonly displayName: string;
  /**
   * The generator's version. It is part of an SDK's content address, so it
   * changes whenever the output for the same spec may change.
   */
  readonly version: string;
  generate(input: SdkGenerationInput): Promise<SdkFiles>;
  /**
   * How a developer installs the downloaded archive and first uses the
   * package, shown beside the download. Each generator knows its own names
   * (e.g. the Python import package a title becomes).
   */
  instructions?(input: { fileName: string; packageName: string }): {
    install?: string;
    usage?: string;
  };
}

/**
 * Describes a stored artifact.
 *
 * @public
 */
export interface SdkArtifactMetadata {
  /** Media type served with downloads, e.g. `application/gzip`. */
  contentType: string;
}

/**
 * A stored artifact opened for reading.
 *
 * @public
 */
export interface SdkArtifact extends SdkArtifactMetadata {
  /** The artifact's bytes; the caller consumes or destroys the stream. */
  stream: Readable;
  /** Size in bytes. */
  size: number;
}

/**
 * Keeps built SDK archives by key. The default implementation stores them in
 * the plugin's database; a filesystem or S3-compatible store can replace it
 * through {@link apiPortalArtifactStoreExtensionPoint}.
 *
 * Keys are content addresses of the form
 * `sdk/<language>/<generatorVersion>/<specHash>.tar.gz` (the generator
 * version URI-encoded), so `put` of an existing key stores the same bytes
 * again and may be skipped.
 *
 * @public
 */
export interface SdkArtifactStore {
  put(key: string, data: Buffer, meta: SdkArtifactMetadata): Promise<void>;
  /** Opens an artifact for streaming, or `undefined` when there is none. */
  get(key: string): Promise<SdkArtifact | undefined>;
  has(key: string): Promise<boolean>;
  /** Removes an artifact; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}
