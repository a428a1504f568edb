import type { PageContext, PageOutput } from '../../site/page.js';

/**
 * The static mirror's search page (the live site searches on the server, /prisoners?q=). The
 * notice that search needs JavaScript is shown until search.js runs and hides it, so a reader
 * whose browser blocks scripts still learns why and gets the full list.
 */
export function mirrorSearchPage(context: PageContext): PageOutput {
  const { t, locale, links } = context;
  return {
    title: t.search.title,
    body: (
      <>
        <h1>{t.search.title}</h1>
        <p id="mirror-needs-script" class="warning" role="note">
          {t.search.needsScript} <a href={links.page(locale, '/prisoners')}>{t.search.fullList}</a>
        </p>
        <div
          id="mirror-search"
          hidden
          data-results={t.list.results('{n}')}
          data-type-name={t.search.typeName}
          data-statuses={JSON.stringify(t.status)}
        >
          <form method="get" action="index.html" role="search" class="filters">
            <div class="field wide">
              <label for="mirror-q">{t.list.search}</label>
              <input id="mirror-q" name="q" type="search" autocomplete="off" />
            </div>
          </form>
          <p class="muted">{t.search.namesOnly}</p>
          <p id="mirror-status" role="status" class="count"></p>
          <ul id="mirror-results"></ul>
        </div>
        <script src={links.asset('search-index.js')} defer></script>
        <script src={links.asset('search.js')} defer></script>
      </>
    ),
  };
}
