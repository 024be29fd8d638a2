import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { PASSWORD_MIN } from '../../core/contracts/accounts.js';
import type { Deps } from '../deps.js';
import { hashPassword } from '../modules/accounts/auth/password.js';
import { createUsersRepository } from '../modules/accounts/users/users.repository.js';

export const CREATE_ADMIN_USAGE =
  'create-admin --email <email> --name "<full name>" [--unit-code <code> [--structure <name>]]';

export type CreateAdminIo = {
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  /** Reads a line without echoing it (TTY only). */
  promptHidden(question: string): Promise<string>;
  out(line: string): void;
  err(line: string): void;
};

function promptHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

const processIo: CreateAdminIo = {
  env: process.env,
  isTTY: !!process.stdin.isTTY,
  promptHidden,
  out: (l) => console.info(l),
  err: (l) => console.error(l),
};

async function readPassword(io: CreateAdminIo): Promise<string> {
  const fromEnv = io.env.DXBOARD_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!io.isTTY) throw new Error('No terminal to ask for a password: set DXBOARD_ADMIN_PASSWORD.');
  const first = await io.promptHidden(`Password (at least ${PASSWORD_MIN} characters): `);
  const second = await io.promptHidden('Repeat the password: ');
  if (first !== second) throw new Error('The two passwords differ.');
  return first;
}

async function resolveUnit(deps: Deps, unitCode?: string, structureName?: string) {
  const structure = structureName
    ? await deps.db.selectFrom('structures').selectAll().where('name', '=', structureName).executeTakeFirst()
    : await deps.db.selectFrom('structures').selectAll().orderBy('validFrom', 'desc').executeTakeFirst();
  if (!structure) {
    throw new Error(
      structureName
        ? `No structure named "${structureName}".`
        : 'No units are loaded yet: run `npx dxboard import-units` or `npx dxboard seed-demo` first.',
    );
  }
  let q = deps.db.selectFrom('units').select(['id', 'name', 'code']).where('structureId', '=', structure.id);
  q = unitCode ? q.where('code', '=', unitCode) : q.where('parentId', 'is', null);
  const found = await q
    .orderBy('code')
    .limit(unitCode ? 2 : 100)
    .execute();
  if (unitCode && !found.length)
    throw new Error(`No unit with code ${unitCode} in structure ${structure.name}.`);
  if (found.length !== 1) {
    // A national import has one top-level unit per province: show them, so the operator can pick theirs.
    const choices = found.map((u) => `  ${u.code}  ${u.name}`).join('\n');
    throw new Error(
      `Structure ${structure.name} has several top-level units: choose one with --unit-code <code>:\n${choices}`,
    );
  }
  return found[0];
}

/** `npx dxboard create-admin`: creates (or re-enables) an admin on a unit, with a password from a TTY or env. */
export async function runCreateAdmin(
  args: string[],
  deps: Deps,
  io: CreateAdminIo = processIo,
): Promise<number> {
  let values: { email?: string; name?: string; 'unit-code'?: string; structure?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        'unit-code': { type: 'string' },
        structure: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    io.err(`${err instanceof Error ? err.message : err}\nUsage: npx dxboard ${CREATE_ADMIN_USAGE}`);
    return 2;
  }
  const email = values.email?.trim().toLowerCase();
  if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || !values.name?.trim()) {
    io.err(`--email (a valid address) and --name are required.\nUsage: npx dxboard ${CREATE_ADMIN_USAGE}`);
    return 2;
  }
  try {
    const unit = await resolveUnit(deps, values['unit-code'], values.structure);
    const password = await readPassword(io);
    if (password.length < PASSWORD_MIN)
      throw new Error(`The password needs at least ${PASSWORD_MIN} characters.`);
    const created = await saveAdmin(deps, { email, fullName: values.name.trim(), password, unitId: unit.id });
    io.out(`${created ? 'Created' : 'Updated'} admin ${email} on ${unit.name} (${unit.code}).`);
    return 0;
  } catch (err) {
    io.err(`Error: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

async function saveAdmin(
  deps: Deps,
  input: { email: string; fullName: string; password: string; unitId: number },
): Promise<boolean> {
  const { db, clock, audit } = deps;
  const users = createUsersRepository(db);
  const passwordHash = await hashPassword(input.password);
  const now = clock.now().toISOString();
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('users')
      .selectAll()
      .where('email', '=', input.email)
      .executeTakeFirst();
    const userId = existing
      ? existing.id
      : await users.insert(
          {
            email: input.email,
            fullName: input.fullName,
            passwordHash,
            lockedUntil: null,
            createdAt: now,
            updatedAt: now,
          },
          trx,
        );
    if (existing) {
      await users.update(
        userId,
        { passwordHash, isActive: 1, failedLoginCount: 0, lockedUntil: null, updatedAt: now },
        trx,
      );
    }
    const grants = await users.grantsOf([userId], trx);
    if (!grants.some((g) => g.role === 'admin' && g.unitId === input.unitId)) {
      await users.replaceGrants(userId, [], [{ role: 'admin', unitId: input.unitId }], now, trx);
    }
    await audit.record(
      trx,
      { actor: null },
      {
        action: existing ? 'user.admin_granted' : 'user.created',
        entity: 'user',
        entityId: userId,
        after: { email: input.email, grants: [{ role: 'admin', unitId: input.unitId }], source: 'cli' },
      },
    );
    return !existing;
  });
}
