import { useCallback, useEffect, useState } from 'react';
import {
  Content,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
  UserIdentity,
  WarningPanel,
} from '@backstage/core-components';
import {
  configApiRef,
  IdentityApi,
  SignInPageProps,
  useApi,
} from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { oidcAuthApiRef } from './oidcAuthApi';

/** Remembers the last choice so a reload signs in again without a click. */
const STORAGE_KEY = 'readiness-portal:sign-in-provider';

type ProviderId = 'guest' | 'partner-guest' | 'oidc';

const choices: Record<
  ProviderId,
  { title: string; description: string; action: string }
> = {
  guest: {
    title: 'Guest',
    description:
      'An internal developer (user:default/guest, Developer Experience). Sees the whole catalog.',
    action: 'Enter as guest',
  },
  'partner-guest': {
    title: 'Partner guest',
    description:
      'The sample partner user set in auth.providers.partner-guest.userEntityRef. Sees only what is published to partners.',
    action: 'Enter as partner',
  },
  oidc: {
    title: 'Company sign-in',
    description: 'Sign in with your company account (OpenID Connect).',
    action: 'Sign in',
  },
};

function isProviderId(value: string | null): value is ProviderId {
  return value !== null && value in choices;
}

/** Forgets the remembered choice when the user signs out. */
function forgetOnSignOut(identity: IdentityApi): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    signOut: async () => {
      localStorage.removeItem(STORAGE_KEY);
      await identity.signOut();
    },
  };
}

/**
 * The portal's sign-in page: one card per provider named in
 * `readinessPortal.signIn.providers`.
 */
export function PortalSignInPage(props: SignInPageProps) {
  const { onSignInSuccess } = props;
  const configApi = useApi(configApiRef);
  const oidcApi = useApi(oidcAuthApiRef);
  const configured = (
    configApi.getOptionalStringArray('readinessPortal.signIn.providers') ?? [
      'guest',
    ]
  ).filter(isProviderId);

  const [chosen, setChosen] = useState<ProviderId | undefined>(() => {
    const remembered = localStorage.getItem(STORAGE_KEY);
    return isProviderId(remembered) && configured.includes(remembered)
      ? remembered
      : undefined;
  });
  const [error, setError] = useState<Error | undefined>();

  const succeed = useCallback(
    (identity: IdentityApi) => onSignInSuccess(forgetOnSignOut(identity)),
    [onSignInSuccess],
  );

  const signInWithOidc = useCallback(
    async (interactive: boolean) => {
      const response = await oidcApi.getBackstageIdentity(
        interactive ? { instantPopup: true } : { optional: true },
      );
      if (!response) {
        if (interactive) {
          throw new Error('The identity provider returned no session');
        }
        return;
      }
      const profile = await oidcApi.getProfile();
      succeed(
        UserIdentity.create({
          identity: response.identity,
          profile,
          authApi: oidcApi,
        }),
      );
    },
    [oidcApi, succeed],
  );

  useEffect(() => {
    if (chosen === 'oidc') {
      signInWithOidc(false).catch(() => setChosen(undefined));
    }
  }, [chosen, signInWithOidc]);

  const choose = (provider: ProviderId) => {
    setError(undefined);
    localStorage.setItem(STORAGE_KEY, provider);
    if (provider === 'oidc') {
      signInWithOidc(true).catch(e => {
        localStorage.removeItem(STORAGE_KEY);
        setError(e);
      });
      return;
    }
    setChosen(provider);
  };

  if (chosen && chosen !== 'oidc') {
    return (
      <ProxiedSignInPage
        provider={chosen}
        onSignInSuccess={succeed}
        ErrorComponent={({ error: signInError }) => (
          <Page themeId="home">
            <Header title="Readiness Portal" />
            <Content>
              <WarningPanel
                title={`Could not sign in as ${choices[chosen].title}`}
                message={signInError?.message}
              />
              <Button
                color="primary"
                variant="outlined"
                onClick={() => {
                  localStorage.removeItem(STORAGE_KEY);
                  setChosen(undefined);
                }}
              >
                Back to sign-in
              </Button>
            </Content>
          </Page>
        )}
      />
    );
  }

  return (
    <Page themeId="home">
      <Header
        title="Readiness Portal"
        subtitle="The readiness record of every service: APIs, SLOs, drills, evidence"
      />
      <Content>
        {error && (
          <WarningPanel title="Sign-in failed" message={error.message} />
        )}
        {configured.length === 0 && (
          <WarningPanel
            title="No sign-in provider is configured"
            message="Set readinessPortal.signIn.providers in app-config.yaml (guest, partner-guest or oidc)."
          />
        )}
        <Grid container spacing={2} justifyContent="center">
          {configured.map(id => (
            <Grid item xs={12} sm={6} md={4} key={id}>
              <InfoCard
                title={choices[id].title}
                variant="fullHeight"
                actions={
                  <Button
                    color="primary"
                    variant="contained"
                    onClick={() => choose(id)}
                  >
                    {choices[id].action}
                  </Button>
                }
              >
                <Typography variant="body1">
                  {choices[id].description}
                </Typography>
              </InfoCard>
            </Grid>
          ))}
        </Grid>
      </Content>
    </Page>
  );
}
