import { createApp } from '@backstage/frontend-defaults';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { signInModule } from './modules/signIn';

// Plugins listed in package.json are discovered (app.packages: all); the
// modules here are the app's own.
export default createApp({
  features: [navModule, homeModule, signInModule],
});
