import type { Framework, UnitValues } from '../../../../core/contracts/measure-framework.js';
import { registerMessages } from '../../../../core/i18n/errors.js';
import { consistencyViolations } from '../../../../core/measure/consistency-violations.js';
import type { FieldError } from '../../../lib/errors.js';

// Consistency rules between components (e.g. online dossiers ≤ all dossiers), checked on submit. The check
// itself is core's, shared with the entry form's live preview so the form and the server always agree.

export {
  type ConsistencyViolation,
  consistencyViolations,
} from '../../../../core/measure/consistency-violations.js';

registerMessages({
  'measure.consistency_violated': { vi: '{message}', en: '{messageEn}' },
});

/** One field error per component involved in each broken rule, carrying the rule's own message. */
export function consistencyIssues(fw: Framework, values: UnitValues): FieldError[] {
  return consistencyViolations(fw, values).flatMap((v) =>
    v.codes.map((code) => ({
      field: `values.${code}`,
      code: 'measure.consistency_violated',
      params: { rule: v.rule, message: v.message, messageEn: v.messageEn },
    })),
  );
}
