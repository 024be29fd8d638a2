import { Modal, type ModalProps } from '@mantine/core';
import { useI18n } from '../i18n/i18n-context.js';

/** Mantine's Modal with a named close button: an icon-only button must say what it does to screen readers. */
export function AppModal(props: ModalProps) {
  const { t } = useI18n();
  return <Modal closeButtonProps={{ 'aria-label': t('common.close') }} {...props} />;
}
