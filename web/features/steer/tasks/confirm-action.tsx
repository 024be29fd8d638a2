import { Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { AppModal } from '../../../components/app-modal.js';
import { useTkT } from './tasks-i18n.js';

type Props = {
  opened: boolean;
  title: string;
  /** What follows from confirming, in words. */
  children: ReactNode;
  confirmLabel: string;
  color?: string;
  loading?: boolean;
  /** False keeps the confirm button disabled (e.g. a required reason is empty). */
  canConfirm?: boolean;
  onConfirm: () => void;
  onClose: () => void;
};

/** A confirmation for a consequential action on a plan or task: what follows, Cancel, and the action again. */
export function ConfirmAction(props: Props) {
  const t = useTkT();
  return (
    <AppModal opened={props.opened} onClose={props.onClose} title={props.title} centered>
      <Stack gap="md" data-testid="confirm-dialog">
        {props.children}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('tk.cancel')}
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
