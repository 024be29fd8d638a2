import { useNotifications } from '@mantine/notifications';
import { lazy, Suspense, useState } from 'react';

// Mantine's toast container (with its transitions) loads with the first toast, not with every page: notify()
// only adds to the store, which the container shows once it is there.
const Notifications = lazy(() =>
  import('./notifications-container.js').then((m) => ({ default: m.Notifications })),
);

export function DeferredNotifications() {
  const [needed, setNeeded] = useState(false);
  const waiting = useNotifications().notifications.length > 0;
  if (waiting && !needed) setNeeded(true);
  return needed ? (
    <Suspense fallback={null}>
      <Notifications />
    </Suspense>
  ) : null;
}
