import { HumanDuration } from '@backstage/types';

export interface Config {
  apiPortal?: {
    collection?: {
      /** How often the definitions of all API entities are collected. Default 10 minutes. */
      frequency?: HumanDuration | string;
      /** How long one collection pass may take before it is abandoned. Default 30 minutes. */
      timeout?: HumanDuration | string;
      /** How soon after start the first pass runs. Default 10 seconds. */
      initialDelay?: HumanDuration | string;
      /** API entities read from the catalog per page. Default 100. */
      pageSize?: number;
      /**
       * A pass reads only the definitions of entities whose catalog etag
       * changed since they were read; this often it reads every definition
       * anyway (for providers that set etags of their own). Default 1 hour.
       */
      fullPassEvery?: HumanDuration | string;
    };
    limits?: {
      /**
       * Largest definition that is parsed, in bytes; a larger one is kept as
       * a revision in the `too-large` state. Default 10 MiB.
       */
      maxSpecBytes?: number;
      /**
       * Most YAML aliases a definition may use (the `yaml` package's
       * maxAliasCount); more is refused as an alias bomb. Default 100.
       */
      maxYamlAliases?: number;
      /** Longest a definition may take to parse. Default 20 seconds. */
      parseTimeout?: HumanDuration | string;
      /** @deprecated Use `parseTimeout`; read (milliseconds) when it is absent. */
      parseTimeoutMs?: number;
      /** Memory a parse or lint worker may use, in MiB. Default 1024. */
      workerMemoryMb?: number;
      /**
       * Worker threads that parse and lint definitions at once (each kept
       * while there is work, stopped after 10 idle seconds). Default: the
       * number of CPUs, at most 4.
       */
      workers?: number;
    };
    lint?: {
      /**
       * Path of the Redocly configuration (redocly.yaml), relative to the
       * backend's working directory. Without it Redocly looks for
       * redocly.yaml in the working directory, else uses its recommended rules.
       */
      configPath?: string;
      /**
       * Whether lint, SDK builds and Postman collections may fetch remote
       * (http/https) `$ref`s, from public addresses only (never loopback,
       * private, link-local or metadata addresses). Default false: a remote
       * reference is reported as an unresolved reference by lint and fails
       * SDK builds. File references are never read either way.
       */
      allowRemoteRefs?: boolean;
      /** Longest one definition may take to lint. Default 60 seconds. */
      timeout?: HumanDuration | string;
      /** @deprecated Use `timeout`; read (milliseconds) when it is absent. */
      timeoutMs?: number;
    };
    diff?: {
      /**
       * Schema node pairs one diff compares at most; past it the diff reports
       * `diff-incomplete`. Default 500000.
       */
      maxSchemaComparisons?: number;
    };
    sdk?: {
      /** SDK builds that run at once in this backend. Default 1. */
      concurrency?: number;
      /** Longest one SDK build may take. Default 10 minutes. */
      timeout?: HumanDuration | string;
      /** @deprecated Use `timeout`; read (milliseconds) when it is absent. */
      timeoutMs?: number;
      /**
       * Whether each collection pass queues the SDK builds of the current
       * definitions. Default true; when false, builds are queued when someone
       * lists an entity's SDKs or asks for a build.
       */
      buildAfterCollection?: boolean;
      /**
       * Where built SDK archives are kept: in the plugin's database (default)
       * or in a folder. A backend module can set another store through
       * `apiPortalArtifactStoreExtensionPoint`, which takes precedence.
       */
      artifactStore?: {
        /** `database` (default) or `filesystem`. */
        type?: 'database' | 'filesystem';
        /** The folder of the filesystem store; required for `filesystem`. */
        path?: string;
      };
    };
  };
}
