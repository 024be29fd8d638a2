import type { AccessRow } from '../../lib/access-table.js';

// Who may call an operation, in plain English, from its access-table row. A permission held on a unit also
// covers every unit below it (see server/lib/access-guard.ts), so "on X" always means "on X or above it".

function where(row: AccessRow): string {
  const unit = row.unit;
  if (unit === 'none') return 'on any unit (lists are limited to the units in the caller’s scope)';
  if (unit === 'top-level') return 'on a top-level unit (the province)';
  if (unit.startsWith('path:')) return `on the unit in the path (\`${unit.slice(5)}\`)`;
  if (unit.startsWith('query:')) return `on the unit named by the \`${unit.slice(6)}\` query parameter`;
  if (unit.startsWith('body:')) return `on the unit(s) named by the body’s \`${unit.slice(5)}\` field`;
  switch (unit) {
    case 'period.root':
      return row.participants
        ? 'on the period’s root unit, or on one of its participating units'
        : 'on the period’s root unit';
    case 'framework.owner':
      return 'on the framework’s owner unit (readers of units below the owner may read it too)';
    case 'file.unit':
      return 'on the unit the file was attached for (its uploader may always read it)';
    case 'user.grants':
      return 'on every unit where the user holds a role';
    case 'user.someGrant':
      return 'on a unit where the user holds a role (only the roles inside the caller’s scope are shown)';
    case 'token.unit':
      return 'on the token’s unit';
    case 'lineage.units':
      return 'on the units the lineage link joins';
    case 'import.unit':
      return 'on the import’s unit';
    case 'plan.unit':
      return 'on the plan’s issuing unit';
    default:
      return `(${unit})`;
  }
}

export function accessSentence(row: AccessRow): string {
  let text: string;
  switch (row.permission) {
    case 'public':
      text = row.participants
        ? 'Public: no sign-in needed (the answer names the units that took part).'
        : 'Public: no sign-in needed.';
      break;
    case 'person':
      text = 'Requires a signed-in person: a session cookie, not an API token.';
      break;
    case 'signed-in':
      text = 'Requires any signed-in caller (a session or an API token).';
      break;
    default:
      text = `Requires \`${row.permission}\` ${where(row)}.`;
  }
  return row.uploaderOnly ? `${text} Only the caller who created it may use it.` : text;
}

/** For an operation the access tables do not list: what its route hooks alone tell. */
export function hookSentence(signedIn: boolean): string {
  return signedIn
    ? 'Requires a signed-in caller (the access tables have no row for this operation; the service decides the rest).'
    : 'Access is not declared in the access tables; the service decides.';
}
