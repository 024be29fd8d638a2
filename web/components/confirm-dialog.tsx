import { Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { AppModal } from './app-modal.js';

type Props = {
  opened: boolean;
  title: string;
  /** What follows from confirming, in words (issue 10: consequential actions say what happens). */
  children: ReactNode;
  confirmLabel: string;
  color?: string;
  loading?: boolean;
  /** False keeps the confirm button disabled (e.g. a required reason is empty). */
  canConfirm?: boolean;
  onConfirm: () => void;
  onClose: () => void;
};

/** A confirmation for a consequential one-click action: what follows, Cancel, and the action named again. */
export function ConfirmDialog(props: Props) {
  const { t } = useI18n();
  return (
    <AppModal opened={props.opened} onClose={props.onClose} title={props.title} centered>
      <Stack gap="md" data-testid="confirm-dialog">
        {props.children}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={props.color}
            loading={props.loading}
            disabled={props.canConfirm === false}
            onClick={props.onConfirm}
            data-testid="confirm-dialog-ok"
          >
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
