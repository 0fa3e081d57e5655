/*
 * Benchmark harness page for our renderer: fetches the definition named in
 * the page's query string and hands the text to <ApiReference>, inside the
 * Backstage theme and a test app (markdown links need the app's context).
 */
import { createRoot } from 'react-dom/client';
import CssBaseline from '@material-ui/core/CssBaseline';
import { UnifiedThemeProvider, themes } from '@backstage/theme';
import { wrapInTestApp } from '@backstage/test-utils';
import { ApiReference } from '@readiness/plugin-api-portal';

async function main() {
  const spec = new URLSearchParams(window.location.search).get('spec');
  const response = await fetch(`/spec/${spec}`);
  const definition = await response.text();
  const root = createRoot(document.getElementById('root')!);
  root.render(
    wrapInTestApp(
      <UnifiedThemeProvider theme={themes.light}>
        <CssBaseline />
        <ApiReference definition={definition} listHeight={700} />
      </UnifiedThemeProvider>,
    ),
  );
}

main();
