// Suspicion review (issue 13): pure rules that flag patterns for a human to look at — never a verdict, never a
// ban. The server's background job (server/modules/contest/review) feeds them what the play path recorded and
// stores each flag with its evidence; organisers clear or confirm it. No I/O here.
//
// What they see: hashed IP blocks (/24 for IPv4, /48 for IPv6, hashed by the caller) and device hashes (user
// agent and languages, hashed), never a raw address. Every rule is conservative by default: an office NAT puts a
// whole department behind one address, so sharing alone needs a large group, and identical answers count only
// the identical *wrong* answers (identical right answers are what studying produces).

export type SuspicionParticipant = {
  id: number;
  createdAt: string;
  ipBlock: string | null;
  device: string | null;
};

export type SuspicionAttempt = {
  id: number;
  participantId: number;
  roundKey: string;
  /** question id → chosen option indexes, as stored. */
  answers: Record<string, number[]>;
  /** question id → correct option indexes. */
  key: Record<string, number[]>;
  durationMs: number | null;
  score: number | null;
  total: number;
  ipBlock: string | null;
};

export type SuspicionRules = {
  /** Distinct participants behind one IP block before it is flagged. */
  sharedIpBlockMin: number;
  /** Distinct participants on one device (same IP block and device hash) before it is flagged. */
  sharedDeviceMin: number;
  /** Identical wrong answers two attempts of a round must share to be flagged together. */
  identicalWrongMin: number;
  /** Less than this many milliseconds per question, with at least `fastScoreRatio` right, is flagged. */
  fastMsPerQuestion: number;
  fastScoreRatio: number;
  /** Registrations from one IP block within `burstWindowMinutes` before the burst is flagged. */
  burstMin: number;
  burstWindowMinutes: number;
};

export const DEFAULT_SUSPICION_RULES: SuspicionRules = {
  sharedIpBlockMin: 15,
  sharedDeviceMin: 3,
  identicalWrongMin: 3,
  fastMsPerQuestion: 2000,
  fastScoreRatio: 0.8,
  burstMin: 20,
  burstWindowMinutes: 10,
};

export const SUSPICION_KINDS = [
  'shared_ip_block',
  'shared_device',
  'identical_answers',
  'impossible_speed',
  'registration_burst',
] as const;
export type SuspicionKind = (typeof SUSPICION_KINDS)[number];

export type SuspicionFlag = {
  kind: SuspicionKind;
  /** Stable within a contest: the same finding found again is the same flag (stored once). */
  subject: string;
  roundKey: string | null;
  participantIds: number[];
  evidence: Record<string, unknown>;
};

const EVIDENCE_IDS = 50;
const sortedIds = (ids: Iterable<number>) => [...new Set(ids)].sort((a, b) => a - b);

function groupBy<T>(items: T[], keyOf: (t: T) => string | null): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    if (k === null) continue;
    const list = m.get(k);
    if (list) list.push(item);
    else m.set(k, [item]);
  }
  return m;
}

export function sharedIpBlocks(
  participants: SuspicionParticipant[],
  attempts: SuspicionAttempt[],
  rules: SuspicionRules = DEFAULT_SUSPICION_RULES,
): SuspicionFlag[] {
  const byBlock = new Map<string, Set<number>>();
  const add = (block: string | null, id: number) => {
    if (!block) return;
    const s = byBlock.get(block) ?? new Set<number>();
    s.add(id);
    byBlock.set(block, s);
  };
  for (const p of participants) add(p.ipBlock, p.id);
  for (const a of attempts) add(a.ipBlock, a.participantId);
  const flags: SuspicionFlag[] = [];
  for (const [block, ids] of byBlock) {
    if (ids.size < rules.sharedIpBlockMin) continue;
    const list = sortedIds(ids);
    flags.push({
      kind: 'shared_ip_block',
      subject: `ip:${block}`,
      roundKey: null,
      participantIds: list.slice(0, EVIDENCE_IDS),
      evidence: { ipBlockHash: block, participants: list.length },
    });
  }
  return flags;
}

export function sharedDevices(
  participants: SuspicionParticipant[],
  rules: SuspicionRules = DEFAULT_SUSPICION_RULES,
): SuspicionFlag[] {
  const flags: SuspicionFlag[] = [];
  const groups = groupBy(participants, (p) => (p.device && p.ipBlock ? `${p.ipBlock}|${p.device}` : null));
  for (const [key, ps] of groups) {
    if (ps.length < rules.sharedDeviceMin) continue;
    const list = sortedIds(ps.map((p) => p.id));
    flags.push({
      kind: 'shared_device',
      subject: `device:${key}`,
      roundKey: null,
      participantIds: list.slice(0, EVIDENCE_IDS),
      evidence: { deviceHash: ps[0].device, ipBlockHash: ps[0].ipBlock, participants: list.length },
    });
  }
  return flags;
}

/** The attempt's wrong answers as "question=options" strings (unanswered questions are not counted). */
function wrongAnswers(a: SuspicionAttempt): string[] {
  const out: string[] = [];
  for (const [q, chosen] of Object.entries(a.answers)) {
    if (chosen.length === 0) continue;
    const right = [...(a.key[q] ?? [])].sort((x, y) => x - y).join(',');
    const given = [...chosen].sort((x, y) => x - y).join(',');
    if (given !== right) out.push(`${q}=${given}`);
  }
  return out.sort();
}

/**
 * Attempts of one round sharing at least `identicalWrongMin` identical wrong answers: the same wrong option on
 * the same questions. Pairs are found through an index of (question, wrong option), so a round of many
 * thousand attempts stays near linear unless many share a wrong answer.
 */
export function identicalAnswers(
  attempts: SuspicionAttempt[],
  rules: SuspicionRules = DEFAULT_SUSPICION_RULES,
): SuspicionFlag[] {
  const flags: SuspicionFlag[] = [];
  for (const [roundKey, list] of groupBy(attempts, (a) => a.roundKey)) {
    const wrong = new Map(list.map((a) => [a.id, wrongAnswers(a)]));
    const index = new Map<string, number[]>();
    for (const a of list)
      for (const w of wrong.get(a.id) ?? []) index.set(w, [...(index.get(w) ?? []), a.id]);
    const pairs = new Map<string, number>();
    for (const ids of index.values()) {
      if (ids.length < 2 || ids.length > 200) continue; // a wrong answer most people give says nothing
      for (let i = 0; i < ids.length; i++)
        for (let j = i + 1; j < ids.length; j++) {
          const k = ids[i] < ids[j] ? `${ids[i]}-${ids[j]}` : `${ids[j]}-${ids[i]}`;
          pairs.set(k, (pairs.get(k) ?? 0) + 1);
        }
    }
    const byId = new Map(list.map((a) => [a.id, a]));
    for (const [k, shared] of pairs) {
      if (shared < rules.identicalWrongMin) continue;
      const [x, y] = k.split('-').map(Number);
      const a = byId.get(x) as SuspicionAttempt;
      const b = byId.get(y) as SuspicionAttempt;
      if (a.participantId === b.participantId) continue; // one person's own two attempts
      flags.push({
        kind: 'identical_answers',
        subject: `answers:${roundKey}:${k}`,
        roundKey,
        participantIds: sortedIds([a.participantId, b.participantId]),
        evidence: {
          attemptIds: [x, y],
          identicalWrongAnswers: shared,
          wrongAnswers: [wrong.get(x)?.length ?? 0, wrong.get(y)?.length ?? 0],
          scores: [a.score, b.score],
        },
      });
    }
  }
  return flags;
}

export function impossibleSpeed(
  attempts: SuspicionAttempt[],
  rules: SuspicionRules = DEFAULT_SUSPICION_RULES,
): SuspicionFlag[] {
  const flags: SuspicionFlag[] = [];
  for (const a of attempts) {
    if (a.durationMs === null || a.score === null || a.total === 0) continue;
    const perQuestion = a.durationMs / a.total;
    if (perQuestion >= rules.fastMsPerQuestion || a.score / a.total < rules.fastScoreRatio) continue;
    flags.push({
      kind: 'impossible_speed',
      subject: `speed:${a.id}`,
      roundKey: a.roundKey,
      participantIds: [a.participantId],
      evidence: {
        attemptId: a.id,
        durationMs: a.durationMs,
        msPerQuestion: Math.round(perQuestion),
        score: a.score,
        total: a.total,
      },
    });
  }
  return flags;
}

/** Windows of at least `burstMin` registrations from one IP block within `burstWindowMinutes`. */
export function registrationBursts(
  participants: SuspicionParticipant[],
  rules: SuspicionRules = DEFAULT_SUSPICION_RULES,
): SuspicionFlag[] {
  const flags: SuspicionFlag[] = [];
  const windowMs = rules.burstWindowMinutes * 60_000;
  for (const [block, ps] of groupBy(participants, (p) => p.ipBlock)) {
    const sorted = [...ps].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
    let start = 0;
    let end = 0;
    while (start < sorted.length) {
      // The longest window from `start`; a flagged window is reported once and skipped over.
      while (
        end + 1 < sorted.length &&
        Date.parse(sorted[end + 1].createdAt) - Date.parse(sorted[start].createdAt) <= windowMs
      )
        end++;
      const size = end - start + 1;
      if (size >= rules.burstMin) {
        const list = sorted.slice(start, end + 1);
        flags.push({
          kind: 'registration_burst',
          subject: `burst:${block}:${list[0].createdAt}`,
          roundKey: null,
          participantIds: sortedIds(list.map((p) => p.id)).slice(0, EVIDENCE_IDS),
          evidence: {
            ipBlockHash: block,
            registrations: size,
            from: list[0].createdAt,
            to: list[list.length - 1].createdAt,
            windowMinutes: rules.burstWindowMinutes,
          },
        });
        start = end + 1;
        end = start;
      } else {
        start++;
        if (end < start) end = start;
      }
    }
  }
  return flags;
}

/** Every rule over a contest's participants and submitted attempts. */
export function detectSuspicion(
  participants: SuspicionParticipant[],
  attempts: SuspicionAttempt[],
  rules: SuspicionRules = DEFAULT_SUSPICION_RULES,
): SuspicionFlag[] {
  return [
    ...sharedIpBlocks(participants, attempts, rules),
    ...sharedDevices(participants, rules),
    ...identicalAnswers(attempts, rules),
    ...impossibleSpeed(attempts, rules),
    ...registrationBursts(participants, rules),
  ];
}

/** The block an address belongs to, before hashing: IPv4 /24, IPv6 /48 (an IPv4-mapped IPv6 as IPv4). */
export function ipBlockOf(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/i.exec(ip);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`;
  if (!ip.includes(':')) return null;
  const [head] = ip.split('::');
  const groups = head.split(':').filter(Boolean);
  while (groups.length < 3) groups.push('0');
  return `${groups.slice(0, 3).join(':').toLowerCase()}::/48`;
}
