// Loaded on demand by deferred-notifications.tsx.
export { Notifications } from '@mantine/notifications';
