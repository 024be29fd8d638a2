import './mantine-shell.css';
import '@mantine/notifications/styles.css';
import './staff.css';
import { createTheme, MantineProvider, Table } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { DeferredNotifications } from '../components/deferred-notifications.js';
import { SESSION_KEY } from '../features/auth/auth-api.js';
import { I18nProvider } from '../i18n/i18n-context.js';
import { setUnauthenticatedHandler } from '../lib/api-client.js';
import { createStaffRouter } from './router.js';
import { contrastSafeCssVariables, contrastSafeGreen, contrastSafeVariantColors } from './theme-colors.js';

const theme = createTheme({
  primaryColor: 'blue',
  // Darker default shade keeps filled buttons and links above WCAG AA contrast.
  primaryShade: 8,
  variantColorResolver: contrastSafeVariantColors,
  respectReducedMotion: true,
  colors: { green: contrastSafeGreen },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  components: {
    // A table wider than a phone scrolls sideways: its scrolling viewport takes keyboard focus so a keyboard
    // user can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable).
    TableScrollContainer: Table.ScrollContainer.extend({
      defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } },
    }),
  },
});

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } },
});
// An expired session anywhere sends the user back to sign-in (RequireSession sees the null session).
setUnauthenticatedHandler(() => queryClient.setQueryData(SESSION_KEY, null));

const router = createStaffRouter();
const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={contrastSafeCssVariables}>
      <DeferredNotifications />
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          <RouterProvider router={router} />
        </I18nProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
