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
         * Further catalog Users a session may sign in as by adding
         * `?as=<user ref>` to the provider's refresh request, for example one
         * user of each partner org in tests that compare two orgs' views.
         */
        otherUserEntityRefs?: string[];
        /**
         * Allow this provider when NODE_ENV is not `development`. Never enable
         * it on a portal that real partners use.
         */
        dangerouslyAllowOutsideDevelopment?: boolean;
      };
    };
  };
}
