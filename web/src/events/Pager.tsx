import { useI18n } from '../i18n';
import { Link } from '../lib/router';

/** "26–50 of 240" with previous/next links; the page is in the URL. */
export function Pager({ page, pageSize, total, href }: { page: number; pageSize: number; total: number; href: (page: number) => string }) {
  const { t, num } = useI18n();
  if (total === 0) return null;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav class="pager" aria-label={t('pager.page', { page, pages })} data-testid="pager">
      <span class="pager-range">{t('pager.range', { from: num(from), to: num(to), total: num(total) })}</span>
      <span class="pager-links">
        {page > 1 ? <Link class="btn btn-small" href={href(page - 1)} rel="prev">← {t('pager.prev')}</Link>
          : <span class="btn btn-small disabled" aria-disabled="true">← {t('pager.prev')}</span>}
        <span class="pager-page">{t('pager.page', { page, pages })}</span>
        {page < pages ? <Link class="btn btn-small" href={href(page + 1)} rel="next" data-testid="pager-next">{t('pager.next')} →</Link>
          : <span class="btn btn-small disabled" aria-disabled="true">{t('pager.next')} →</span>}
      </span>
    </nav>
  );
}
