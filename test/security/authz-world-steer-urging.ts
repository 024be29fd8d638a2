import type { LoggedIn } from '../helpers/login.js';
import type { TestApp } from '../helpers/test-app.js';

// Steer urging in the authorisation matrix's world: for the sibling commune and for the province, an overdue
// task the unit leads (so a letter to it has something to list), an urging letter already sent to it and a
// reminder logged about its task, their texts carrying the target's marker. Adds '$urgingLetter' to each
// target's ids. Runs after the tasks seed (it uses that seed's issued plan). None of it involves `home`.

type Target = 'sibling' | 'province';
/** The part of the matrix's world this seed needs (structural: authz-world.ts imports this file). */
type World = { t: TestApp; control: LoggedIn; ids: Record<Target, { unit: number }> };

async function seedFor(world: World, markers: Record<Target, string>, target: Target) {
  const { t, control } = world;
  const marker = markers[target];
  const ids = world.ids[target] as { unit: number; plan?: number };
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/steer/tasks',
    headers: control.headers,
    payload: {
      planId: ids.plan,
      title: `Nhiệm vụ quá hạn ${marker}`,
      leadUnitIds: [ids.unit],
      deadline: '31/01/2026',
      assignedOn: '2026-01-10',
    },
  });
  if (res.statusCode >= 300) throw new Error(`seed urging task: ${res.statusCode} ${res.body.slice(0, 300)}`);
  const taskId = (res.json() as { id: number }).id;
  const now = t.clock.now().toISOString();
  const db = t.deps.db;
  const letter = await db
    .insertInto('steerUrgingLetters')
    .values({
      unitId: ids.unit,
      issuerUnitId: ids.unit,
      number: null,
      issuedOn: '2026-02-20',
      replyBy: '2026-02-27',
      overdueCount: 1,
      dueSoonCount: 0,
      letterJson: JSON.stringify({
        parentBody: `UBND ${marker}`,
        issuer: `SỞ ${marker}`,
        symbol: 'SKHCN-CĐS',
        number: null,
        place: marker,
        date: '2026-02-20',
        unitName: `Đơn vị ${marker}`,
        overdue: [
          {
            title: `Nhiệm vụ quá hạn ${marker}`,
            source: null,
            deadlineWritten: '31/01/2026',
            due: '2026-01-31',
            daysOverdue: 20,
          },
        ],
        dueSoon: [],
        replyBy: '2026-02-27',
        signer: { title: 'PHÓ GIÁM ĐỐC', name: `Người ký ${marker}` },
      }),
      createdBy: control.userId,
      createdByLabel: `Thư ký ${marker}`,
      createdAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('steerReminders')
    .values({
      idempotencyKey: `steer:task:${taskId}:overdue:2026-01-31:0`,
      taskId,
      unitId: ids.unit,
      kind: 'overdue',
      due: '2026-01-31',
      days: 1,
      sentOn: '2026-02-01',
      sentAt: now,
    })
    .execute();
  Object.assign(world.ids[target], { urgingLetter: letter.id });
}

export async function seedSteerUrgingWorld(world: World, markers: Record<Target, string>): Promise<void> {
  await seedFor(world, markers, 'sibling');
  await seedFor(world, markers, 'province');
}
