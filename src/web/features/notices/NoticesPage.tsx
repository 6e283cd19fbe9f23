import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PublicProblem } from '../../components/lite/PublicProblem';
import { Badge, ButtonLink, Card, Loader, TextLink, ui } from '../../components/lite/ui';
import { PageTitle } from '../../components/PageTitle';
import { formatDay, formatInstantDay, type NoticeKind, noticesApi, type PublicNoticeList } from './api';
import classes from './notices.module.css';

const PAGE_SIZE = 10;
/** The tab in the address, in words a citizen can read: ?loai=van-ban. */
const KIND_PARAM: Record<NoticeKind, string> = { notice: 'thong-bao', legal_document: 'van-ban' };

function NoticeItem({ item, commune }: { item: PublicNoticeList['items'][number]; commune: string }) {
  const { t } = useTranslation('notices');
  const to = `/thong-bao/${item.unit.code}/${item.id}${item.unit.code === commune ? '' : `?xa=${commune}`}`;
  return (
    <li>
      <Card className={classes.item} data-testid="notice-item" data-id={item.id}>
        <div className={ui.row}>
          <Badge tone={item.unit.level === 'province' ? 'blue' : 'teal'}>
            {t(`unitLevel.${item.unit.level}`)}
          </Badge>
          {item.docNumber ? <Badge tone="gray">{item.docNumber}</Badge> : null}
        </div>
        <h2 className={classes.itemTitle}>
          <Link to={to} className={ui.link} data-testid="notice-link">
            {item.title}
          </Link>
        </h2>
        <div className={classes.meta}>
          <span>{t('published', { date: formatInstantDay(item.publishedAt) })}</span>
          {item.issuer ? <span>{item.issuer}</span> : null}
          {item.issuedOn ? (
            <span>
              {t('fields.issuedOn')}: {formatDay(item.issuedOn)}
            </span>
          ) : null}
          {item.effectiveOn ? (
            <span>
              {t('fields.effectiveOn')}: {formatDay(item.effectiveOn)}
            </span>
          ) : null}
          {item.attachments.length ? <span>{t('list.files', { n: item.attachments.length })}</span> : null}
        </div>
        {item.summary ? <p className={`${classes.text} ${ui.clamp2}`}>{item.summary}</p> : null}
      </Card>
    </li>
  );
}

/**
 * A commune's notices and legal documents, and its province's (issue 16 item 5): two tabs, newest
 * first, a page at a time. A public page: light components only; every text is rendered as text.
 */
export function NoticesPage() {
  const { t } = useTranslation('notices');
  const { unit = '' } = useParams();
  const [params] = useSearchParams();
  const kind: NoticeKind = params.get('loai') === KIND_PARAM.legal_document ? 'legal_document' : 'notice';
  const page = Math.max(1, Math.min(1000, Number.parseInt(params.get('trang') ?? '1', 10) || 1));
  const list = useQuery({
    queryKey: ['notices', unit, kind, page],
    queryFn: ({ signal }) => noticesApi.list(unit, { kind, page, pageSize: PAGE_SIZE }, signal),
  });

  if (list.isPending) return <Loader label={t('translation:common.loading')} />;
  if (list.isError) return <PublicProblem error={list.error} testId="notices-error" />;
  const data = list.data;
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const href = (k: NoticeKind, p = 1) =>
    `/thong-bao/${unit}?loai=${KIND_PARAM[k]}${p > 1 ? `&trang=${p}` : ''}`;

  return (
    <>
      <PageTitle
        title={`${t('list.title')} — ${data.unit.name}`}
        subtitle={
          data.province
            ? t('list.subtitle', { unit: data.unit.name, province: data.province.name })
            : undefined
        }
      />
      <div className={ui.stack} style={{ gap: 16 }}>
        <div className={ui.row}>
          <ButtonLink to="/chinh-quyen-hai-cap" variant="light" data-testid="notices-two-tier-link">
            {t('list.twoTierLink')}
          </ButtonLink>
          {data.unit.level === 'commune' ? (
            <TextLink to={`/trung-tam/${data.unit.code}`}>{t('list.centerLink')}</TextLink>
          ) : null}
        </div>
        <nav aria-label={t('list.tabs')} className={classes.tabs}>
          {(['notice', 'legal_document'] as const).map((k) => (
            <Link
              key={k}
              to={href(k)}
              className={classes.tab}
              aria-current={k === kind ? 'page' : undefined}
              data-testid={`notices-tab-${k}`}
            >
              {k === 'notice' ? t('list.tabNotices') : t('list.tabLegal')}
            </Link>
          ))}
        </nav>
        <p className={ui.dimmed} data-testid="notices-total">
          {t('list.total', { n: data.total })}
        </p>
        {data.items.length ? (
          <ul className={classes.items} data-testid="notices-list">
            {data.items.map((item) => (
              <NoticeItem key={`${item.unit.code}-${item.id}`} item={item} commune={data.unit.code} />
            ))}
          </ul>
        ) : (
          <Card data-testid="notices-empty">
            <p style={{ margin: 0 }}>{kind === 'notice' ? t('list.empty') : t('list.emptyLegal')}</p>
          </Card>
        )}
        {pages > 1 ? (
          <nav className={classes.pager} aria-label={t('list.page', { page, pages })}>
            {page > 1 ? (
              <ButtonLink to={href(kind, page - 1)} variant="subtle">
                {t('list.previous')}
              </ButtonLink>
            ) : (
              <span />
            )}
            <span className={ui.dimmed}>{t('list.page', { page, pages })}</span>
            {page < pages ? (
              <ButtonLink to={href(kind, page + 1)} variant="subtle" data-testid="notices-next">
                {t('list.next')}
              </ButtonLink>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </div>
    </>
  );
}
