import type { Remark, RemarkDraft, SessionStatus } from '../../shared/domain'
import type { CoreContext, ReadContext } from '../context'
import { AppFailure, notFound } from '../errors'
import { missingPeople } from '../people/people'
import { requireStatus } from '../sessions/sessions'
import { uuidv7 } from '../store/ids'
import { replaceLabels } from '../store/labels'
import { sql } from '../store/sql'
import type { ParsedInputOf } from '../../shared/contract'

/** Remarks are written while a session is live and reviewed after it has ended. */
const WRITABLE: SessionStatus[] = ['live', 'ended']

interface RemarkRow {
  id: string
  session_id: string
  turn_id: string | null
  speaker_id: string
  speaker_name: string
  text: string
  tags: string
  starred: number
  for_minutes: number
  offset_ms: number | null
  created_at: number
  updated_at: number
  deleted_at: number | null
}

const SELECT_REMARK = `
  SELECT r.*, p.name AS speaker_name,
    (SELECT json_group_array(tag) FROM remark_tags t WHERE t.remark_id = r.id) AS tags
  FROM remarks r JOIN people p ON p.id = r.speaker_id`

/** A session's remarks in speaking order: by the turn they belong to, then as they were written. */
export function listRemarks(ctx: ReadContext, sessionId: string): Remark[] {
  requireStatus(ctx, sessionId, ['planned', 'live', 'ended', 'cancelled'], 'sessionId')
  const rows = sql<RemarkRow, [string]>(
    ctx.db,
    `${SELECT_REMARK} LEFT JOIN turns tu ON tu.id = r.turn_id
     WHERE r.session_id = ? AND r.deleted_at IS NULL
     ORDER BY coalesce(tu.position, 1e9), r.created_at, r.id`
  ).all(sessionId)
  return rows.map(toRemark)
}

export function getRemark(ctx: ReadContext, id: string): Remark {
  const row = sql<RemarkRow, [string]>(ctx.db, `${SELECT_REMARK} WHERE r.id = ?`).get(id)
  if (!row) throw notFound('remark', id)
  return toRemark(row)
}

export function createRemark(ctx: CoreContext, input: ParsedInputOf<'remarks:create'>): Remark {
  requireStatus(ctx, input.sessionId, WRITABLE, 'sessionId')
  requirePerson(ctx, input.speakerId)
  requireSpeaker(ctx, input.sessionId, input.speakerId)
  const id = uuidv7(ctx.now())
  sql<never, [string, string, string | null, string, string, number, number, number | null, number, number]>(
    ctx.db,
    `INSERT INTO remarks (id, session_id, turn_id, speaker_id, text, starred, for_minutes, offset_ms, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    id,
    input.sessionId,
    turnOf(ctx, input.sessionId, input.speakerId, input.turnId),
    input.speakerId,
    input.text,
    input.starred ? 1 : 0,
    input.forMinutes ? 1 : 0,
    offsetOf(ctx, input.sessionId),
    ctx.now(),
    ctx.now()
  )
  replaceLabels(ctx.db, 'remark_tags', 'remark_id', id, input.tags)
  // The box is empty again: the draft it came from has become this remark.
  deleteDraft(ctx, input.sessionId)
  announce(ctx, input.sessionId)
  return getRemark(ctx, id)
}

export function updateRemark(
  ctx: CoreContext,
  input: ParsedInputOf<'remarks:update'>
): Remark {
  const remark = getRemark(ctx, input.id)
  requireStatus(ctx, remark.sessionId, WRITABLE, 'sessionId')
  // A deleted remark is read-only until 撤销 brings it back.
  if (remark.deletedAt !== null) throw new AppFailure('conflict', 'The remark is deleted.', [{ path: ['id'], code: 'remark_deleted', message: 'deleted' }])
  if (input.speakerId !== undefined && input.speakerId !== remark.speakerId) {
    requirePerson(ctx, input.speakerId)
    requireSpeaker(ctx, remark.sessionId, input.speakerId)
    // Re-assigned: it now belongs to the new speaker's turn around the time it was written, if any.
    const turn = sql<{ id: string }, [string, string, number]>(
      ctx.db,
      `SELECT id FROM turns WHERE session_id = ? AND person_id = ? AND started_at <= ? ORDER BY started_at DESC LIMIT 1`
    ).get(remark.sessionId, input.speakerId, remark.createdAt)
    sql<never, [string, string | null, string]>(ctx.db, 'UPDATE remarks SET speaker_id = ?, turn_id = ? WHERE id = ?').run(input.speakerId, turn?.id ?? null, remark.id)
  }
  if (input.text !== undefined) sql<never, [string, string]>(ctx.db, 'UPDATE remarks SET text = ? WHERE id = ?').run(input.text, remark.id)
  if (input.starred !== undefined) sql<never, [number, string]>(ctx.db, 'UPDATE remarks SET starred = ? WHERE id = ?').run(input.starred ? 1 : 0, remark.id)
  if (input.forMinutes !== undefined) sql<never, [number, string]>(ctx.db, 'UPDATE remarks SET for_minutes = ? WHERE id = ?').run(input.forMinutes ? 1 : 0, remark.id)
  if (input.tags !== undefined) replaceLabels(ctx.db, 'remark_tags', 'remark_id', remark.id, input.tags)
  sql<never, [number, string]>(ctx.db, 'UPDATE remarks SET updated_at = ? WHERE id = ?').run(ctx.now(), remark.id)
  announce(ctx, remark.sessionId)
  return getRemark(ctx, remark.id)
}

/** Set aside, not erased: 撤销 (remarks:restore) brings it back; search no longer finds it. */
export function deleteRemark(ctx: CoreContext, id: string, deleted: boolean): Remark {
  const remark = getRemark(ctx, id)
  requireStatus(ctx, remark.sessionId, WRITABLE, 'sessionId')
  if (!deleted) requireSpeaker(ctx, remark.sessionId, remark.speakerId)
  sql<never, [number | null, number, string]>(ctx.db, 'UPDATE remarks SET deleted_at = ?, updated_at = ? WHERE id = ?').run(deleted ? ctx.now() : null, ctx.now(), id)
  announce(ctx, remark.sessionId)
  return getRemark(ctx, id)
}

interface DraftRow {
  session_id: string
  speaker_id: string | null
  turn_id: string | null
  text: string
  tags: string
  starred: number
  for_minutes: number
  updated_at: number
}

export function getDraft(ctx: ReadContext, sessionId: string): RemarkDraft | null {
  requireStatus(ctx, sessionId, ['planned', 'live', 'ended', 'cancelled'], 'sessionId')
  const row = sql<DraftRow, [string]>(ctx.db, 'SELECT * FROM remark_drafts WHERE session_id = ?').get(sessionId)
  if (!row) return null
  return {
    sessionId: row.session_id,
    speakerId: row.speaker_id,
    turnId: row.turn_id,
    text: row.text,
    tags: JSON.parse(row.tags) as string[],
    starred: row.starred === 1,
    forMinutes: row.for_minutes === 1,
    updatedAt: row.updated_at
  }
}

export function saveDraft(ctx: CoreContext, draft: ParsedInputOf<'drafts:save'>): RemarkDraft | null {
  requireStatus(ctx, draft.sessionId, WRITABLE, 'sessionId')
  // Only text, tags and marks are worth keeping: a box with none of them is no draft.
  if (draft.text.trim() === '' && draft.tags.length === 0 && !draft.starred && !draft.forMinutes) {
    deleteDraft(ctx, draft.sessionId)
    return null
  }
  if (draft.speakerId) requirePerson(ctx, draft.speakerId)
  sql<never, [string, string | null, string | null, string, string, number, number, number]>(
    ctx.db,
    `INSERT INTO remark_drafts (session_id, speaker_id, turn_id, text, tags, starred, for_minutes, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (session_id) DO UPDATE SET speaker_id = excluded.speaker_id, turn_id = excluded.turn_id, text = excluded.text,
       tags = excluded.tags, starred = excluded.starred, for_minutes = excluded.for_minutes, updated_at = excluded.updated_at`
  ).run(draft.sessionId, draft.speakerId, draft.turnId, draft.text, JSON.stringify(draft.tags), draft.starred ? 1 : 0, draft.forMinutes ? 1 : 0, ctx.now())
  return getDraft(ctx, draft.sessionId)
}

function deleteDraft(ctx: CoreContext, sessionId: string): void {
  sql<never, [string]>(ctx.db, 'DELETE FROM remark_drafts WHERE session_id = ?').run(sessionId)
}

function requirePerson(ctx: ReadContext, personId: string): void {
  if (missingPeople(ctx, [personId]).size > 0) {
    throw new AppFailure('invalid_input', 'No such person.', [{ path: ['speakerId'], code: 'person_not_found', message: 'no such person' }])
  }
}

/**
 * A remark's speaker is on the session's list and not marked absent (the record never names an absent
 * speaker). Speaking is being there: a speaker still 未签到 is checked in now.
 */
function requireSpeaker(ctx: CoreContext, sessionId: string, speakerId: string): void {
  const entry = sql<{ absent: number }, [string, string]>(ctx.db, 'SELECT absent FROM attendance WHERE session_id = ? AND person_id = ?').get(sessionId, speakerId)
  if (!entry) throw new AppFailure('invalid_input', 'This person is not on the list.', [{ path: ['speakerId'], code: 'not_on_list', message: 'not on the list' }])
  if (entry.absent === 1) throw new AppFailure('invalid_input', 'This person is absent.', [{ path: ['speakerId'], code: 'absent', message: 'absent' }])
  const { changes } = sql<never, [number, string, string]>(
    ctx.db,
    'UPDATE attendance SET checked_in_at = ? WHERE session_id = ? AND person_id = ? AND checked_in_at IS NULL'
  ).run(ctx.now(), sessionId, speakerId)
  if (changes > 0) ctx.emit({ name: 'session:changed', id: sessionId })
}

/** The given turn if it is this speaker's in this session; otherwise none (a remark is never mis-attributed). */
function turnOf(ctx: ReadContext, sessionId: string, speakerId: string, turnId: string | null): string | null {
  if (!turnId) return null
  const turn = sql<{ 1: number }, [string, string, string]>(
    ctx.db,
    'SELECT 1 FROM turns WHERE id = ? AND session_id = ? AND person_id = ?'
  ).get(turnId, sessionId, speakerId)
  return turn ? turnId : null
}

function offsetOf(ctx: ReadContext, sessionId: string): number | null {
  // The session exists: requireStatus has checked it.
  const row = sql<{ started_at: number | null }, [string]>(ctx.db, 'SELECT started_at FROM sessions WHERE id = ?').get(sessionId)!
  return row.started_at === null ? null : Math.max(0, ctx.now() - row.started_at)
}

function announce(ctx: ReadContext, sessionId: string): void {
  ctx.emit({ name: 'remarks:changed', id: sessionId })
}

function toRemark(row: RemarkRow): Remark {
  return {
    id: row.id,
    sessionId: row.session_id,
    turnId: row.turn_id,
    speakerId: row.speaker_id,
    speakerName: row.speaker_name,
    text: row.text,
    tags: JSON.parse(row.tags) as string[],
    starred: row.starred === 1,
    forMinutes: row.for_minutes === 1,
    offsetMs: row.offset_ms,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at
  }
}
