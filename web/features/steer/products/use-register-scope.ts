import { useState } from 'react';
import type { Permission } from '../../../../core/accounts/permissions.js';
import { ROLE_PERMISSIONS } from '../../../../core/accounts/permissions.js';
import { useSession } from '../../auth/use-session.js';

/** The unit a register page looks at (the first grant by default) and what the user may do somewhere. */
export function useRegisterScope() {
  const session = useSession();
  const grants = session.data?.grants ?? [];
  const first = grants[0];
  const [unit, setUnit] = useState<{ id: number; name: string } | null>(
    first ? { id: first.unitId, name: first.unitName } : null,
  );
  const holds = (p: Permission) => grants.some((g) => ROLE_PERMISSIONS[g.role].includes(p));
  const unitsWith = (p: Permission) =>
    grants
      .filter((g) => ROLE_PERMISSIONS[g.role].includes(p))
      .map((g) => ({ id: g.unitId, name: g.unitName }));
  return {
    session,
    unit,
    setUnit,
    canReport: holds('steer.report'),
    canManage: holds('steer.manage'),
    reportUnits: unitsWith('steer.report'),
    manageUnits: unitsWith('steer.manage'),
    csrf: session.data?.csrfToken ?? '',
  };
}
