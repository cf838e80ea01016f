import { ErrorBoundary, lazy, LocationProvider, Route, Router } from 'preact-iso';
import { Announcer } from './announcer';
import { LanguageProvider, useLanguage } from './i18n/language';
import { pagePaths } from './page-paths';

// Each page is its own chunk: a buyer on the checkout loads the checkout's code and no other.
const pages = {
  catalogue: lazy(() => import('./pages/catalogue')),
  course: lazy(() => import('./pages/course')),
  checkout: lazy(() => import('./pages/checkout')),
  checkoutStatus: lazy(() => import('./pages/checkout-status')),
  activate: lazy(() => import('./pages/activate')),
  signIn: lazy(() => import('./pages/sign-in')),
  account: lazy(() => import('./pages/account')),
} satisfies Record<keyof typeof pagePaths, unknown>;
const NotFound = lazy(() => import('./pages/not-found'));

function Layout() {
  const { t, toggle } = useLanguage();
  return (
    <>
      <a class="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header class="site-header">
        <a class="brand" href={pagePaths.catalogue}>
          {t.shopName}
        </a>
        <nav aria-label={t.shopName}>
          <a href={pagePaths.account}>{t.nav.account}</a>
          <a href={pagePaths.signIn}>{t.nav.signIn}</a>
          <button
            type="button"
            class="link-button"
            onClick={toggle}
            lang={t.lang === 'en' ? 'pt-BR' : 'en'}
            aria-label={t.switchLanguageLabel}
          >
            {t.switchLanguage}
          </button>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <ErrorBoundary>
          <Router>
            {Object.entries(pages).map(([name, component]) => (
              <Route
                key={name}
                path={pagePaths[name as keyof typeof pagePaths]}
                component={component}
              />
            ))}
            <Route default component={NotFound} />
          </Router>
        </ErrorBoundary>
      </main>
    </>
  );
}

export function App() {
  return (
    <LanguageProvider>
      <Announcer>
        <LocationProvider>
          <Layout />
        </LocationProvider>
      </Announcer>
    </LanguageProvider>
  );
}
