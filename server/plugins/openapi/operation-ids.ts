// operationId from method and path, so generated clients get stable, readable names without every route
// spelling one out: GET /api/measure/periods/{id} → getMeasurePeriod, GET /api/measure/periods →
// listMeasurePeriods, POST /api/measure/periods/{id}/open → openMeasurePeriod. A route schema's own
// operationId wins; test/openapi asserts the ids are unique.

/** A last path segment that names what a POST (or GET) does rather than a collection. */
const ACTIONS: Record<string, ReadonlySet<string>> = {
  GET: new Set(['export']),
  POST: new Set([
    'login',
    'logout',
    'open',
    'close',
    'publish',
    'submit',
    'approve',
    'return',
    'commit',
    'import',
    'preview',
    'request',
    'confirm',
    'prefill',
  ]),
};

// Path prefixes that only group routes: 'POST /api/auth/login' reads better as login than loginAuth.
const NAMESPACES = new Set(['api', 'auth']);

// Where the rules give a poor name, the name people use.
const NAMED: Record<string, string> = {
  'POST /api/auth/password': 'changePassword',
  'POST /api/files': 'uploadFile',
  'GET /api/audit': 'listAuditEntries',
  'DELETE /api/tokens/{id}': 'revokeToken',
  'POST /api/kpis/values': 'pushKpiValues',
  'POST /api/measure/periods/{periodId}/units/{unitId}/what-if': 'computeMeasurePeriodUnitWhatIf',
};

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const words = (segment: string) => segment.split(/[-_.]/).filter(Boolean).map(capital);
const isParam = (segment: string) => /^[{:]/.test(segment);
const isPlural = (segment: string) => /[^s]s$/.test(segment) && !segment.includes('.');

function singular(segment: string): string {
  if (segment.endsWith('ies')) return `${segment.slice(0, -3)}y`;
  return isPlural(segment) ? segment.slice(0, -1) : segment;
}

export function deriveOperationId(method: string, path: string): string {
  const verb = method.toUpperCase();
  const named = NAMED[`${verb} ${path}`];
  if (named) return named;
  const segments = path.split('/').filter(Boolean);
  while (segments.length > 1 && NAMESPACES.has(segments[0])) segments.shift();
  const last = segments.at(-1) ?? '';
  const endsWithParam = isParam(last);
  const statics: string[] = [];
  segments.forEach((segment, i) => {
    if (isParam(segment)) return;
    // A collection followed by one of its ids, or by more path, names one item (or the kind of thing).
    statics.push(i < segments.length - 1 ? singular(segment) : segment);
  });
  const action = !endsWithParam ? words(last)[0]?.toLowerCase() : undefined;
  if (action && ACTIONS[verb]?.has(action)) {
    const subject = statics.slice(0, -1).map((s, i, all) => (i === all.length - 1 ? singular(s) : s));
    return [action, ...subject.flatMap(words), ...words(last).slice(1)].join('');
  }
  let prefix: string;
  let nouns = statics;
  switch (verb) {
    case 'GET':
      prefix = !endsWithParam && isPlural(last) ? 'list' : 'get';
      break;
    case 'POST':
      prefix = 'create';
      nouns = [...statics.slice(0, -1), singular(statics.at(-1) ?? '')];
      break;
    case 'PUT':
      prefix = endsWithParam ? 'replace' : 'set';
      break;
    case 'PATCH':
      prefix = 'update';
      break;
    default:
      prefix = verb.toLowerCase();
  }
  return prefix + nouns.flatMap(words).join('');
}
