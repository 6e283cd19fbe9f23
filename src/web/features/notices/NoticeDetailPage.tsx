import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { IconFile } from '../../components/icons';
import { PublicProblem } from '../../components/lite/PublicProblem';
import { Badge, Card, ExternalLink, Loader, Section, TextLink, ui } from '../../components/lite/ui';
import { PageTitle } from '../../components/PageTitle';
import { fileUrl, formatDay, formatInstantDay, noticesApi } from './api';
import classes from './notices.module.css';

/**
 * One notice or legal document: its particulars, its text (plain text, line breaks kept) and its PDF
 * attachments to download. `?xa=` names the commune whose list the reader came from (a province's item
 * is read from any of its communes).
 */
export function NoticeDetailPage() {
  const { t } = useTranslation('notices');
  const { unit = '', id = '' } = useParams();
  const [params] = useSearchParams();
  const from = params.get('xa');
  const back = from && /^\d{5}$/.test(from) ? from : unit;
  const notice = useQuery({
    queryKey: ['notices', 'detail', unit, id],
    queryFn: ({ signal }) => noticesApi.detail(unit, id, signal),
  });

  if (notice.isPending) return <Loader label={t('translation:common.loading')} />;
  if (notice.isError)
    return (
      <div className={ui.stack} style={{ gap: 16 }}>
        <PublicProblem error={notice.error} testId="notice-error" />
        <TextLink to={`/thong-bao/${back}`}>{t('list.title')}</TextLink>
      </div>
    );
  const n = notice.data;
  const facts: Array<[string, string]> = [];
  if (n.docNumber) facts.push([t('fields.docNumber'), n.docNumber]);
  if (n.issuer) facts.push([t('fields.issuer'), n.issuer]);
  if (n.issuedOn) facts.push([t('fields.issuedOn'), formatDay(n.issuedOn)]);
  if (n.effectiveOn) facts.push([t('fields.effectiveOn'), formatDay(n.effectiveOn)]);

  return (
    <>
      <p style={{ margin: '0 0 12px' }}>
        <TextLink
          to={`/thong-bao/${back}${n.kind === 'legal_document' ? '?loai=van-ban' : ''}`}
          data-testid="notice-back"
        >
          ← {t('list.title')}
        </TextLink>
      </p>
      <PageTitle
        title={n.title}
        subtitle={
          <span className={ui.row}>
            <Badge tone={n.unit.level === 'province' ? 'blue' : 'teal'}>{n.unit.name}</Badge>
            <span>{t('published', { date: formatInstantDay(n.publishedAt) })}</span>
            {n.updatedAt !== n.publishedAt ? (
              <span>{t('updated', { date: formatInstantDay(n.updatedAt) })}</span>
            ) : null}
          </span>
        }
      />
      <div className={ui.stack} style={{ gap: 16 }}>
        {facts.length ? (
          <Card>
            <dl className={classes.facts} data-testid="notice-facts">
              {facts.map(([k, v]) => (
                <div key={k} style={{ display: 'contents' }}>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          </Card>
        ) : null}
        {n.summary || n.body ? (
          <Card>
            {n.summary ? (
              <p className={classes.text} style={{ fontWeight: 600, marginBottom: n.body ? 12 : 0 }}>
                {n.summary}
              </p>
            ) : null}
            {n.body ? (
              <p className={classes.text} data-testid="notice-body">
                {n.body}
              </p>
            ) : null}
          </Card>
        ) : null}
        {n.attachments.length ? (
          <Section title={t('detail.attachments')}>
            <ul className={classes.files} data-testid="notice-files">
              {n.attachments.map((f) => (
                <li key={f.id} className={classes.file}>
                  <IconFile size={20} />
                  <ExternalLink
                    href={fileUrl(n.unit.code, n.id, f.id)}
                    download={f.fileName}
                    data-testid="notice-file"
                  >
                    {t('detail.download', { name: f.fileName })}
                  </ExternalLink>
                  <span className={ui.dimmed}>
                    {t('detail.size', { kb: Math.max(1, Math.round(f.size / 1024)) })}
                  </span>
                </li>
              ))}
            </ul>
          </Section>
        ) : null}
      </div>
    </>
  );
}
