import { Alert, Anchor, List, Text } from '@mantine/core';
import { forwardRef } from 'react';
import type { SubmissionView } from '../../../core/contracts/measure.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { intlTag } from '../../i18n/locale-store.js';
import { useET } from './entry-i18n.js';
import { type EntryBanner, entryBanner, itemAnchor, type RefusedItem } from './entry-status.js';
import { fmtPoints } from './measure-shared.js';

/** Scrolls to an item's card and puts the keyboard there too, so the link works without a mouse. */
export function goToItem(code: string) {
  const el = document.getElementById(itemAnchor(code));
  if (!el) return;
  el.scrollIntoView({ block: 'start' });
  el.focus({ preventScroll: true });
}

function ItemLinks({ items }: { items: { code: string; label: string; note?: string }[] }) {
  return (
    <List size="sm" spacing={2} mt={4}>
      {items.map((i) => (
        <List.Item key={i.code}>
          <Anchor
            href={`#${itemAnchor(i.code)}`}
            size="sm"
            c="inherit"
            underline="always"
            onClick={(e) => {
              e.preventDefault();
              goToItem(i.code);
            }}
          >
            {i.label}
          </Anchor>
          {i.note ? `: ${i.note}` : null}
        </List.Item>
      ))}
    </List>
  );
}

const COLORS: Record<EntryBanner['kind'], string> = {
  draft: 'gray',
  submitted: 'blue',
  approved: 'green',
  returned: 'orange',
};

/** What state the submission is in, in words, at the top of the page. */
export function StatusBanner({ view }: { view: SubmissionView }) {
  const t = useET();
  const { locale } = useI18n();
  const tag = intlTag(locale);
  const b = entryBanner(view);
  const title =
    b.kind === 'approved'
      ? t('e.banner.approved', { points: fmtPoints(b.points, tag) })
      : b.kind === 'returned'
        ? t('e.banner.returned', { n: b.toFix.length })
        : t(`e.banner.${b.kind}`);
  return (
    <Alert color={COLORS[b.kind]} variant="light" mb="md" title={title} data-testid="status-banner">
      {b.kind === 'draft' ? (
        <Text size="sm">{t(b.editable ? 'e.banner.draftNote' : 'e.banner.draftLocked')}</Text>
      ) : null}
      {b.kind === 'submitted' ? <Text size="sm">{t('e.banner.submittedNote')}</Text> : null}
      {b.kind === 'approved' && Math.abs(b.points - b.selfPoints) > 1e-9 ? (
        <Text size="sm">{t('e.banner.approvedNote', { points: fmtPoints(b.selfPoints, tag) })}</Text>
      ) : null}
      {b.kind === 'returned' ? (
        <div data-testid="returned-notice">
          {b.comment ? <Text size="sm">{t('e.banner.returnedNote', { comment: b.comment })}</Text> : null}
          {b.toFix.length ? (
            <>
              <Text size="sm" mt={4}>
                {t('e.banner.returnedItems')}
              </Text>
              <ItemLinks items={b.toFix.map((code) => ({ code, label: code }))} />
            </>
          ) : null}
        </div>
      ) : null}
    </Alert>
  );
}

/** A refused submit's summary: how many items, each a link to its card with the server's message. */
export const RefusedSummary = forwardRef<HTMLDivElement, { items: RefusedItem[] }>(function RefusedSummary(
  { items },
  ref,
) {
  const t = useET();
  if (!items.length) return null;
  return (
    <Alert
      ref={ref}
      color="red"
      variant="light"
      mb="md"
      role="alert"
      tabIndex={-1}
      title={t('e.refused.title', { n: items.length })}
      data-testid="refused-summary"
      style={{ scrollMarginTop: 80 }}
    >
      <Text size="sm">{t('e.refused.note')}</Text>
      <ItemLinks
        items={items.map((i) => ({
          code: i.code,
          label: `${i.code}. ${i.name}`,
          note: i.messages.join('; '),
        }))}
      />
    </Alert>
  );
});
