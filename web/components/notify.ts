import { notifications } from '@mantine/notifications';
import { getLocale } from '../i18n/locale-store.js';

/** A short toast; its close button carries a label in the current language (axe: button-name). */
export function notify(message: string, color: 'green' | 'red' | 'blue' = 'green'): void {
  notifications.show({
    message,
    color,
    autoClose: 4000,
    closeButtonProps: { 'aria-label': getLocale() === 'vi' ? 'Đóng' : 'Close' },
  });
}
