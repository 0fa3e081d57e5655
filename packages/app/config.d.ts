export interface Config {
  readinessPortal?: {
    signIn?: {
      /**
       * The sign-in choices the sign-in page offers, in order: `guest`
       * (internal developer, development only), `partner-guest` (the sample
       * partner user, development only) and `oidc` (the company identity provider).
       * @visibility frontend
       */
      providers?: Array<'guest' | 'partner-guest' | 'oidc'>;
    };
  };
}
