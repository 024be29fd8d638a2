import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SUSPICION_RULES,
  detectSuspicion,
  identicalAnswers,
  impossibleSpeed,
  ipBlockOf,
  registrationBursts,
  type SuspicionAttempt,
  type SuspicionParticipant,
  sharedDevices,
  sharedIpBlocks,
} from './suspicion.js';

// Worked examples of each rule: what is flagged, and the look-alikes that are not (an office behind one NAT,
// right answers everyone shares, one person's two attempts, a careful quick reader, a slow trickle).

const rules = { ...DEFAULT_SUSPICION_RULES, sharedIpBlockMin: 3, burstMin: 3 };
const person = (id: number, over: Partial<SuspicionParticipant> = {}): SuspicionParticipant => ({
  id,
  createdAt: `2026-03-02T02:${String(id).padStart(2, '0')}:00.000Z`,
  ipBlock: 'blockA',
  device: `dev${id}`,
  ...over,
});
// Five questions; the right option of question q is q % 4.
const key = Object.fromEntries([1, 2, 3, 4, 5].map((q) => [String(q), [q % 4]]));
const attempt = (
  id: number,
  participantId: number,
  chosen: number[],
  over: Partial<SuspicionAttempt> = {},
): SuspicionAttempt => {
  const answers = Object.fromEntries(chosen.map((c, i) => [String(i + 1), c < 0 ? [] : [c]]));
  const score = chosen.filter((c, i) => c === (i + 1) % 4).length;
  return {
    id,
    participantId,
    roundKey: 'r1',
    answers,
    key,
    durationMs: 120_000,
    score,
    total: 5,
    ipBlock: null,
    ...over,
  };
};

describe('suspicion rules', () => {
  it('an IP block is flagged only from the configured number of distinct people (registration or attempts)', () => {
    const ps = [person(1), person(2), person(3, { ipBlock: 'blockB' })];
    expect(sharedIpBlocks(ps, [], rules)).toEqual([]);
    const flags = sharedIpBlocks(ps, [attempt(9, 3, [1, 2, 3, 0, 1], { ipBlock: 'blockA' })], rules);
    expect(flags).toEqual([
      {
        kind: 'shared_ip_block',
        subject: 'ip:blockA',
        roundKey: null,
        participantIds: [1, 2, 3],
        evidence: { ipBlockHash: 'blockA', participants: 3 },
      },
    ]);
    // The default is an office's size: fifteen people behind one NAT is not flagged below it.
    expect(sharedIpBlocks(ps, [])).toEqual([]);
  });

  it('a device shared by three people in one block is flagged; the same browser model elsewhere is not', () => {
    const ps = [
      person(1, { device: 'd' }),
      person(2, { device: 'd' }),
      person(3, { device: 'd', ipBlock: 'blockB' }),
      person(4, { device: 'd' }),
    ];
    const flags = sharedDevices(ps, rules);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: 'shared_device', participantIds: [1, 2, 4] });
    expect(sharedDevices(ps.slice(0, 3), rules)).toEqual([]);
  });

  it('identical wrong answers flag a pair; identical right answers and one person’s own attempts do not', () => {
    // Right answers: 1,2,3,0,1. Attempts 1 and 2 share three identical wrong answers (q1=0, q2=0, q3=0).
    const a1 = attempt(1, 101, [0, 0, 0, 0, 1]);
    const a2 = attempt(2, 102, [0, 0, 0, 0, 1]);
    const perfect = [attempt(3, 103, [1, 2, 3, 0, 1]), attempt(4, 104, [1, 2, 3, 0, 1])];
    const twoWrong = attempt(5, 105, [0, 0, 3, 0, 1]);
    const own = attempt(6, 101, [0, 0, 0, 0, 1]);
    const flags = identicalAnswers([a1, a2, ...perfect, twoWrong, own], rules);
    expect(flags).toEqual([
      {
        kind: 'identical_answers',
        subject: 'answers:r1:1-2',
        roundKey: 'r1',
        participantIds: [101, 102],
        evidence: { attemptIds: [1, 2], identicalWrongAnswers: 3, wrongAnswers: [3, 3], scores: [2, 2] },
      },
      expect.objectContaining({ subject: 'answers:r1:2-6', participantIds: [101, 102] }),
    ]);
    // The same pair in another round is another finding; unanswered questions are not "identical wrong".
    const blank = [attempt(7, 107, [-1, -1, -1, -1, -1]), attempt(8, 108, [-1, -1, -1, -1, -1])];
    expect(identicalAnswers(blank, rules)).toEqual([]);
  });

  it('impossible speed: under 2 s a question with 80 % right; fast with many wrong, or slow, is not', () => {
    const fast = attempt(1, 1, [1, 2, 3, 0, 1], { durationMs: 6_000 });
    const fastButWrong = attempt(2, 2, [0, 0, 0, 0, 1], { durationMs: 6_000 });
    const careful = attempt(3, 3, [1, 2, 3, 0, 1], { durationMs: 10_000 });
    expect(impossibleSpeed([fast, fastButWrong, careful], rules)).toEqual([
      {
        kind: 'impossible_speed',
        subject: 'speed:1',
        roundKey: 'r1',
        participantIds: [1],
        evidence: { attemptId: 1, durationMs: 6_000, msPerQuestion: 1_200, score: 5, total: 5 },
      },
    ]);
  });

  it('a registration burst: three from one block within ten minutes, once; a trickle is not', () => {
    const at = (m: number) => `2026-03-02T02:${String(m).padStart(2, '0')}:00.000Z`;
    const burst = [
      person(1, { createdAt: at(0) }),
      person(2, { createdAt: at(4) }),
      person(3, { createdAt: at(9) }),
    ];
    const flags = registrationBursts([...burst, person(4, { createdAt: at(30), ipBlock: 'blockA' })], rules);
    expect(flags).toEqual([
      {
        kind: 'registration_burst',
        subject: `burst:blockA:${at(0)}`,
        roundKey: null,
        participantIds: [1, 2, 3],
        evidence: { ipBlockHash: 'blockA', registrations: 3, from: at(0), to: at(9), windowMinutes: 10 },
      },
    ]);
    const trickle = [0, 11, 22, 33].map((m, i) => person(i + 1, { createdAt: at(m) }));
    expect(registrationBursts(trickle, rules)).toEqual([]);
  });

  it('detectSuspicion runs every rule and is deterministic', () => {
    const ps = [person(1), person(2), person(3)];
    const as = [attempt(1, 1, [1, 2, 3, 0, 1], { durationMs: 1_000 })];
    const once = detectSuspicion(ps, as, rules);
    expect(once.map((f) => f.kind).sort()).toEqual([
      'impossible_speed',
      'registration_burst',
      'shared_ip_block',
    ]);
    expect(detectSuspicion(ps, as, rules)).toEqual(once);
  });

  it('IP blocks: IPv4 /24, IPv4-mapped IPv6 as IPv4, IPv6 /48', () => {
    expect(ipBlockOf('203.0.113.77')).toBe('203.0.113.0/24');
    expect(ipBlockOf('::ffff:203.0.113.5')).toBe('203.0.113.0/24');
    expect(ipBlockOf('2001:db8:abcd:12::1')).toBe('2001:db8:abcd::/48');
    expect(ipBlockOf('2001:db8::1')).toBe('2001:db8:0::/48');
    expect(ipBlockOf(null)).toBeNull();
  });
});
