// 好差评: the counter opens a one-time tablet link for a completed matter (found through the matter
// module's face by its receipt number); the citizen rates once with no login; a 差评 opens a
// rectification case on the workflow kernel for the handling clerk, due after the configured working
// days; the handler works it or appeals to a leader. Statistics group the ratings.
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable, Tx } from '../../db/types.ts';
import { gradeOf } from '../../domain/rating/codes.ts';
import { ratingError } from '../../domain/rating/errors.ts';
import { RECTIFY_MACHINE as M, type RectifyAction, type RectifyState } from '../../domain/rating/machine.ts';
import { checkRating, rectificationDue } from '../../domain/rating/rules.ts';
import { groupStats, ratingStats } from '../../domain/rating/stats.ts';
import { chinaDay } from '../../domain/shared/calendar.ts';
import { availableActions } from '../../domain/workflow/machine.ts';
import type { Staff } from '../accounts/index.ts';
import { audit } from '../audit/index.ts';
import { workCalendarFor } from '../calendar/index.ts';
import { completedMatterByReceipt } from '../matter/index.ts';
import { type Actor, getCase, openCase, SYSTEM_WORKFLOW_ACTOR_ID, transition } from '../workflow/index.ts';
import type { RateBody, TabletView } from './contract.ts';
import * as repo from './repo.ts';

export interface RatingContext {
  staff: Staff;
  permissions: ReadonlySet<string>;
  now: Date;
}

const actorOf = (c: RatingContext): Actor => ({
  id: c.staff.id,
  name: c.staff.username,
  permissions: c.permissions,
});
/**
 * The citizen at the tablet has no account: the rating and the rectification it opens are recorded as
 * made at the tablet the clerk opened (the clerk's id, the name 'tablet').
 */
const tabletOf = (clerkId: number): Actor => ({
  id: clerkId,
  name: 'tablet',
  permissions: new Set(['rating.open']),
});
const INVITATION_HOURS = 2;
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The counter opens the tablet for a completed matter; returns the token of the one-time link. */
export async function invite(
  q: Tx,
  c: RatingContext,
  receiptNo: string,
): Promise<{ token: string; expiresAt: string }> {
  const m = await completedMatterByReceipt(q, receiptNo);
  if (!m) throw ratingError('RATING_MATTER_NOT_COMPLETED', undefined, { field: 'receiptNo' });
  if (await repo.matterRated(q, m.id)) throw ratingError('RATING_ALREADY_RATED');
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(c.now.getTime() + INVITATION_HOURS * 3_600_000);
  await repo.insertInvitation(q, {
    tokenHash: hash(token),
    matterId: m.id,
    receiptNo,
    createdBy: c.staff.id,
    at: c.now,
    expiresAt,
  });
  await audit(q, actorOf(c), 'rating.invite', 'matter', m.id, null, { receiptNo }, c.now);
  return { token, expiresAt: expiresAt.toISOString() };
}

type ValidInvitation = {
  inv: NonNullable<Awaited<ReturnType<typeof repo.invitation>>>;
  m: NonNullable<Awaited<ReturnType<typeof completedMatterByReceipt>>>;
};
function validInvitation(q: Queryable, token: string, now: Date, lock?: false): Promise<ValidInvitation>;
function validInvitation(q: Tx, token: string, now: Date, lock: boolean): Promise<ValidInvitation>;
async function validInvitation(
  q: Queryable,
  token: string,
  now: Date,
  lock = false,
): Promise<ValidInvitation> {
  // the overloads allow a lock only in a transaction
  const inv = await repo.invitation(q as Tx, hash(token), lock);
  if (!inv || Date.parse(inv.expiresAt) < now.getTime()) throw ratingError('RATING_INVITE_INVALID');
  const m = await completedMatterByReceipt(q, inv.receiptNo);
  if (!m || m.id !== inv.matterId) throw ratingError('RATING_INVITE_INVALID');
  return { inv, m };
}

/** What the tablet shows: the matter's name and receipt, whether it is already rated. */
export async function tablet(q: Queryable, token: string, now: Date): Promise<TabletView> {
  const { inv, m } = await validInvitation(q, token, now);
  return {
    typeName: m.typeName,
    receiptNo: m.receiptNo,
    completedOn: m.completedOn,
    rated: inv.usedAt !== null || (await repo.matterRated(q, m.id)),
  };
}

/** The citizen's one click. A 差评 opens its rectification in the same transaction. */
export async function rateAtTablet(
  q: Tx,
  token: string,
  body: RateBody,
  now: Date,
): Promise<{ ratingId: number; rectificationId: number | null }> {
  const { inv, m } = await validInvitation(q, token, now, true);
  if (inv.usedAt !== null || (await repo.matterRated(q, m.id))) throw ratingError('RATING_ALREADY_RATED');
  const r = await recordRating(q, m, 'counter', body, tabletOf(inv.createdBy), now);
  await repo.markInvitationUsed(q, hash(token), now);
  return r;
}

type RatedMatter = NonNullable<Awaited<ReturnType<typeof completedMatterByReceipt>>>;

/**
 * The insured person rates their own completed matter on the self-service site (channel 'online',
 * the online indicators). The caller has checked that the matter is the person's; once only.
 */
export async function rateOnline(
  q: Tx,
  receiptNo: string,
  body: RateBody,
  actor: Actor,
  now: Date,
): Promise<{ ratingId: number; rectificationId: number | null }> {
  const m = await completedMatterByReceipt(q, receiptNo);
  if (!m) throw ratingError('RATING_MATTER_NOT_COMPLETED');
  if (await repo.matterRated(q, m.id)) throw ratingError('RATING_ALREADY_RATED');
  return recordRating(q, m, 'online', body, actor, now);
}

async function recordRating(
  q: Tx,
  m: RatedMatter,
  channel: 'counter' | 'online',
  body: RateBody,
  actor: Actor,
  now: Date,
): Promise<{ ratingId: number; rectificationId: number | null }> {
  const r = checkRating(channel, { ...body, tags: body.tags });
  const day = chinaDay(now);
  // the due date is computed before anything is written: a missing calendar year refuses the rating whole
  const bad = gradeOf(r.overall) === 'bad';
  const dueOn = bad
    ? rectificationDue(
        day,
        await repo.rectifyDays(q),
        await workCalendarFor(q, Number(day.slice(0, 4)), Number(day.slice(0, 4)) + 1),
      )
    : null;
  const ratingId = await repo.insertRating(q, {
    matterId: m.id,
    receiptNo: m.receiptNo,
    channel,
    overall: r.overall,
    indicators: r.indicators as Record<string, number>,
    tags: [...r.tags],
    comment: r.comment,
    typeCode: m.typeCode,
    typeName: m.typeName,
    handlerId: m.handlerId ?? m.acceptedBy ?? null,
    level: m.level,
    villageCode: m.villageCode,
    at: now,
    day,
  });
  const auditActor = actor.id === SYSTEM_WORKFLOW_ACTOR_ID ? { id: null, name: actor.name } : actor;
  await audit(
    q,
    auditActor,
    'rating.rate',
    'rating',
    ratingId,
    null,
    { matterId: m.id, overall: r.overall },
    now,
  );
  let rectificationId: number | null = null;
  if (dueOn) {
    const caseId = await openCase(q, 'rating', M, 'open', m.receiptNo, actor, { now });
    rectificationId = await repo.insertRectification(q, {
      caseId,
      ratingId,
      handlerId: m.handlerId ?? m.acceptedBy ?? null,
      dueOn,
      openedOn: day,
    });
  }
  return { ratingId, rectificationId };
}

export async function rectificationDetail(q: Queryable, c: RatingContext, id: number) {
  const r = await repo.rectification(q, id);
  if (!r) throw ratingError('RATING_RECTIFICATION_NOT_FOUND');
  const kase = (await getCase<RectifyState, RectifyAction>(q, r.caseId))!;
  return {
    ...r,
    overdue: kase.closedAt === null && chinaDay(c.now) > r.dueOn,
    history: kase.history,
    actions: availableActions(M, kase, actorOf(c)).filter((a) => a !== 'open'),
  };
}

export async function rectificationList(q: Queryable, c: RatingContext, openOnly: boolean) {
  const today = chinaDay(c.now);
  return (await repo.rectifications(q, openOnly)).map((r) => ({
    ...r,
    overdue: !['reported', 'annulled'].includes(r.state) && today > r.dueOn,
  }));
}

const HANDLER_ACTIONS: readonly RectifyAction[] = ['callback', 'verify', 'rectify', 'report', 'appeal'];

/** One step of a rectification: the handler's own steps only by the handler (or an admin). */
export async function actOnRectification(
  q: Tx,
  c: RatingContext,
  id: number,
  action: RectifyAction,
  reason: string | null | undefined,
) {
  const r = await repo.rectification(q, id);
  if (!r) throw ratingError('RATING_RECTIFICATION_NOT_FOUND');
  if (HANDLER_ACTIONS.includes(action) && r.handlerId !== c.staff.id && !c.staff.roles.includes('admin'))
    throw ratingError('RATING_NOT_HANDLER');
  await transition(q, M, r.caseId, action, actorOf(c), { now: c.now, reason });
}

export async function statistics(q: Queryable, from: string, to: string) {
  const rows = await repo.ratingsBetween(q, from, to);
  return {
    total: ratingStats(rows),
    byMatter: groupStats(rows, (r) => r.typeName),
    byClerk: groupStats(rows, (r) => r.handler),
    byPoint: groupStats(rows, (r) => r.point),
    byMonth: groupStats(rows, (r) => r.month),
  };
}

export const settings = async (q: Queryable) => ({ rectifyDays: await repo.rectifyDays(q) });

export async function changeSettings(q: Tx, c: RatingContext, rectifyDays: number) {
  if (!Number.isInteger(rectifyDays) || rectifyDays < 1 || rectifyDays > 60)
    throw ratingError('RATING_DAYS_INVALID');
  const before = await repo.rectifyDays(q);
  await repo.setRectifyDays(q, rectifyDays, c.staff.username, c.now);
  await audit(
    q,
    actorOf(c),
    'rating.settings',
    'rating_setting',
    1,
    { rectifyDays: before },
    { rectifyDays },
    c.now,
  );
}

/**
 * A 12345 ticket's call-back (回访评价): the caller's level is recorded as a rating of channel
 * `callback`, counted in the statistics (point 12345). The ticket's own 重办 is its rectification, so
 * no rectification task is opened here.
 */
export async function recordCallbackRating(
  q: Tx,
  r: {
    ticketId: number;
    platformNo: string;
    overall: number;
    handlerId: number | null;
    actor: Actor;
    now: Date;
  },
): Promise<number> {
  if (!Number.isInteger(r.overall) || r.overall < 1 || r.overall > 5)
    throw ratingError('RATING_LEVEL_INVALID');
  const id = await repo.insertRating(q, {
    matterId: null,
    ticketId: r.ticketId,
    receiptNo: r.platformNo,
    channel: 'callback',
    overall: r.overall,
    indicators: {},
    tags: [],
    comment: '',
    typeCode: '12345',
    typeName: '12345 工单',
    handlerId: r.handlerId,
    level: null,
    villageCode: null,
    at: r.now,
    day: chinaDay(r.now),
  });
  await audit(
    q,
    r.actor,
    'rating.callback',
    'rating',
    id,
    null,
    { ticketId: r.ticketId, overall: r.overall },
    r.now,
  );
  return id;
}
