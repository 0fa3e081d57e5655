import { HumanDuration } from '@backstage/types';

export interface Config {
  /** The compliance plugins (plugins/compliance-backend). */
  compliance?: {
    /**
     * Framework and mapping files (the portal's YAML, OSCAL catalogs and
     * profiles in JSON or YAML), or folders of them; relative to the
     * backend's working directory. Default: none, so no control applies.
     */
    frameworks?: string[];
    /** The applicability file: which controls apply to which entities. */
    applicability?: string;
    /** The portal evidence file: what the portal files by itself, for which controls. */
    portalEvidence?: string;
    /**
     * How long before its expiry evidence makes a control `expiring`.
     * Default: 30 days.
     */
    expiringWithin?: HumanDuration | string;
    evidence?: {
      /** Largest JSON body of a filing, in bytes; larger is answered 413. Default: 2 MiB. */
      maxBodyBytes?: number;
      /** Largest attachment, in bytes after base64 decoding. Default: 1 MiB. */
      maxAttachmentBytes?: number;
      /**
       * Media types an attachment may have. Default: application/pdf,
       * application/json, text/plain, text/csv, image/png, image/jpeg.
       */
      attachmentMediaTypes?: string[];
    };
    /** The records of processing (GDPR), docs/gdpr/index.md. */
    gdpr?: {
      /**
       * The longest any processing activity may keep personal data; a
       * record's retention beyond it is a finding. Default: 10 years.
       */
      maxRetention?: HumanDuration | string;
      /**
       * The control a processor's DPA evidence is filed for, unless the
       * record names its own. Default: SOC2:P6.4.
       */
      dpaControl?: string;
    };
  };
}
