import type { Permission } from '../../core/accounts/permissions.js';

// The declarative authorisation table: one row per OpenAPI operation, kept by each module next to its policy
// (server/modules/<module>/<module>.access.ts). test/security/authz-matrix.test.ts combines the tables, fails on
// an operation without a row (and on a row without an operation), and tries every row with principals of
// another unit, asserting the outcome the row predicts. The rows describe the policy; they never grant anything.

/**
 * Who may call the operation:
 * - a permission: held on the unit the row's `unit` names (or anywhere, for `unit: 'none'`);
 * - 'public': anyone, signed in or not; 'signed-in': any session or API token; 'person': a signed-in
 *   person, never an API token (sessions, passwords, minting tokens).
 */
export type AccessRule = Permission | 'public' | 'signed-in' | 'person';

/**
 * How the target unit is found:
 * - 'none': no single unit; the permission anywhere suffices and lists are filtered by scope;
 * - 'top-level': the permission on a top-level unit (a root of the tree: the province);
 * - 'path:<param>' | 'query:<param>' | 'body:<field>': a unit id the request names;
 * - 'period.root': the measure period's root unit (participants read, see `participants`);
 * - 'framework.owner': the framework's owner unit (readers of the owner's subtree and of units below it);
 * - 'file.unit': the unit a file was uploaded for;
 * - 'user.grants': EVERY unit the target user holds a role on (managing a user); 'user.someGrant': any of them
 *   (seeing a user, with only the grants inside the caller's scope);
 * - 'token.unit', 'lineage.units', 'import.unit': the unit of that entity (a Steer appendix import's: its plan's);
 * - 'plan.unit': the issuing unit of a Steer plan (path id);
 * - 'task.unit': the owner unit of a Steer task (the unit that assigned it; path id);
 * - 'report.unit': the scope unit of an issued Steer report (path id);
 * - 'product.unit', 'system.unit', 'review.unit': the unit of a Steer DX product, information system, or review
 *   item (the system's owner); 'campaign.root': a review campaign's root unit;
 * - 'meeting.unit': the committee's unit of a Steer meeting (path id);
 * - 'urging.letter.unit': the unit a Steer urging letter was sent to (path id).
 * - 'team.unit': the village (or commune) of a Community team (path id, or body teamId);
 *   'activity.unit': the village of the team of a Community activity (path id);
 *   'course.unit': the organising unit of a training course (read also by readers below it: a course is open to
 *   the units under its organiser); 'registration.unit': a registered official's unit;
 * - 'feedback.unit': the unit a citizen report is with now (its handling unit, or the triage unit before).
 * - 'contest.unit', 'question.unit': the organising unit of a contest, the unit whose bank holds a question.
 * - 'news.unit': the publishing unit of a news item (path id).
 */
export type UnitLocator =
  | 'none'
  | 'top-level'
  | `path:${string}`
  | `query:${string}`
  | `body:${string}`
  | 'period.root'
  | 'framework.owner'
  | 'file.unit'
  | 'user.grants'
  | 'user.someGrant'
  | 'token.unit'
  | 'lineage.units'
  | 'import.unit'
  | 'plan.unit'
  | 'task.unit'
  | 'report.unit'
  | 'product.unit'
  | 'system.unit'
  | 'review.unit'
  | 'campaign.root'
  | 'meeting.unit'
  | 'urging.letter.unit'
  | 'team.unit'
  | 'activity.unit'
  | 'course.unit'
  | 'registration.unit'
  | 'feedback.unit'
  | 'contest.unit'
  | 'question.unit'
  | 'news.unit';

/**
 * A value in an example: literal JSON, or a reference the matrix resolves in its seeded world, written
 * '$name' (e.g. '$unit' is the target unit's id, '$period' a period over it, '$file' a file of it).
 */
export type ExampleValue =
  | string
  | number
  | boolean
  | null
  | ExampleValue[]
  | { [key: string]: ExampleValue };

export type AccessExample = {
  params?: Record<string, ExampleValue>;
  query?: Record<string, ExampleValue>;
  body?: ExampleValue;
  /** A multipart upload of a small file of this kind instead of a JSON body. */
  upload?: 'png' | 'kpi-xlsx' | 'framework-xlsx' | 'appendix-xlsx';
};

export type AccessRow = {
  /** 'METHOD /api/path/{param}', exactly as the OpenAPI document lists it. */
  operation: string;
  permission: AccessRule;
  unit: UnitLocator;
  example: AccessExample;
  /**
   * Which of the world's out-of-scope targets the row is tried on (default: both). 'sibling' is a unit
   * next to the principal's own; 'province' is the top-level unit above it.
   */
  targets?: readonly ('sibling' | 'province')[];
  /** The response may name the period's participating units (a ranking shows every ranked unit by design). */
  participants?: boolean;
  /** Only the one who created the entity may use it (not even an admin above): the control is not tried. */
  uploaderOnly?: boolean;
  /** The request ends the caller's session or changes its password: the matrix uses a throwaway principal. */
  consumesSession?: boolean;
  /** For 'public' rows whose example cannot succeed without a secret (a 4xx is then the expected outcome). */
  expectPublic?: '2xx' | '4xx';
};
