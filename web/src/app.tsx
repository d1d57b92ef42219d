import { AddPage } from './add/AddPage';
import { EventPage } from './event/EventPage';
import { I18nProvider, LANGS, useI18n } from './i18n';
import { CountriesProvider } from './lib/countries';
import { Link, match, useRoute, type Route } from './lib/router';
import { OverviewPage } from './overview/OverviewPage';
import { PairPage } from './pair/PairPage';
import { ReviewEventPage } from './review/ReviewEventPage';
import { ReviewQueuePage } from './review/ReviewQueuePage';
import { useToken } from './session/token';
import { KeyIcon } from './ui/icons';

function Page({ route }: { route: Route }) {
  const { t } = useI18n();
  const path = route.path.replace(/\/+$/, '') || '/';
  if (path === '/') return <OverviewPage route={route} />;
  let m = match('/pair/:a/:b', path);
  if (m) return <PairPage key={`${m.a}/${m.b}`} a={m.a} b={m.b} />;
  m = match('/event/:id', path);
  if (m) return <EventPage key={m.id} id={m.id} />;
  m = match('/event/:id/review', path) ?? match('/review/:id', path);
  if (m) return <ReviewEventPage key={m.id} id={m.id} />;
  if (path === '/review') return <ReviewQueuePage route={route} />;
  if (path === '/add') return <AddPage />;
  return (
    <div class="page">
      <div class="state state-empty" data-testid="not-found">
        {t('state.notFound')} <Link href="/">{t('state.backHome')}</Link>
      </div>
    </div>
  );
}

function Header({ route }: { route: Route }) {
  const { t, lang, setLang } = useI18n();
  const [token] = useToken();
  const section = route.path === '/' ? 'overview' : route.path.startsWith('/review') || route.path.endsWith('/review') ? 'review' : route.path.startsWith('/add') ? 'add' : '';
  return (
    <header class="top">
      <Link href="/" class="brand">
        <img src="/favicon.svg" alt="" width="24" height="24" />
        <span class="brand-name">{t('app.name')}</span>
        <span class="brand-tag">{t('app.tagline')}</span>
      </Link>
      <nav class="main-nav" aria-label={t('nav.label')}>
        <Link href="/" class={section === 'overview' ? 'active' : ''} data-nav="overview">{t('nav.overview')}</Link>
        <Link href="/review" class={section === 'review' ? 'active' : ''} data-nav="review">{t('nav.review')}</Link>
        <Link href="/add" class={section === 'add' ? 'active' : ''} data-nav="add">{t('nav.add')}</Link>
        <a href="/openapi.json" target="_blank" rel="noreferrer">{t('nav.api')}</a>
      </nav>
      <div class="top-right">
        {token && <span class="token-dot" title={t('token.isSet')}><KeyIcon size={16} /></span>}
        <div class="lang-switch" role="group" aria-label={t('lang.label')}>
          {LANGS.map((l) => (
            <button type="button" key={l} lang={l} class={l === lang ? 'active' : ''} aria-pressed={l === lang} data-lang={l} onClick={() => setLang(l)}>
              {l.toUpperCase()}
            </button>
          ))}
        </div>
      </div>
    </header>
  );
}

function Shell() {
  const route = useRoute();
  return (
    <>
      <Header route={route} />
      <main>
        <Page route={route} />
      </main>
    </>
  );
}

export function App() {
  return (
    <I18nProvider>
      <CountriesProvider>
        <Shell />
      </CountriesProvider>
    </I18nProvider>
  );
}
