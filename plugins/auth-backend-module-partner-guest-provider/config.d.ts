export interface Config {
  auth?: {
    providers?: {
      /** Local sign-in as a sample partner user; development only. */
      'partner-guest'?: {
        /**
         * The catalog User to sign in as. It must exist in the catalog; its
         * group memberships decide what the session may see.
         * Defaults to `user:default/maria.lopez`.
         */
        userEntityRef?: string;
        /**
         * Allow this provider when NODE_ENV is not `development`. Never enable
         * it on a portal that real partners use.
         */
        dangerouslyAllowOutsideDevelopment?: boolean;
      };
    };
  };
}
