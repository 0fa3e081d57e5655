// Types of fingerprint.mjs, for the tests that import it.
export type Fingerprint = Record<string, { rows: number; checksum: string }>;

export declare function quote(name: string): string;

export declare function fingerprint(client: {
  query(sql: string): Promise<{ rows: any[] }>;
}): Promise<Fingerprint>;

export declare function compareFingerprints(
  source: Fingerprint,
  restored: Fingerprint,
): string[];
