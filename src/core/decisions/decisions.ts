import type { Decision, DecisionStatus } from '../../shared/domain'
import type { CoreContext, ReadContext } from '../context'
import { AppFailure, notFound } from '../errors'
import { missingPeople } from '../people/people'
import { requireStatus } from '../sessions/sessions'
import { uuidv7 } from '../store/ids'
import { sql } from '../store/sql'
import type { ParsedInputOf } from '../../shared/contract'

interface DecisionRow {
  id: string
  session_id: string
  session_title: string
  session_start: number
  text: string
  owner_id: string | null
  owner_name: string
  person_name: string | null
  due_date: string | null
  status: DecisionStatus
  done_at: number | null
  created_at: number
  updated_at: number
}

const SELECT_DECISION = `
  SELECT d.*, s.title AS session_title, s.planned_start AS session_start, p.name AS person_name
  FROM decisions d JOIN sessions s ON s.id = d.session_id LEFT JOIN people p ON p.id = d.owner_id`

type DecisionFilter = ParsedInputOf<'decisions:list'>

/** Open ones first, by due date (undated last), then by session. */
export function listDecisions(ctx: ReadContext, filter: DecisionFilter): Decision[] {
  const rows = sql<DecisionRow, { session: string | null; status: DecisionStatus | null; owner: string | null; dueBy: string | null }>(
    ctx.db,
    `${SELECT_DECISION}
     WHERE (@session IS NULL OR d.session_id = @session) AND (@status IS NULL OR d.status = @status)
       AND (@owner IS NULL OR d.owner_id = @owner) AND (@dueBy IS NULL OR (d.due_date IS NOT NULL AND d.due_date <= @dueBy))
     ORDER BY d.status = 'done', d.due_date IS NULL, d.due_date, s.planned_start DESC, d.created_at`
  ).all({ session: filter.sessionId ?? null, status: filter.status ?? null, owner: filter.ownerId ?? null, dueBy: filter.dueBy ?? null })
  return rows.map(toDecision)
}

export function getDecision(ctx: ReadContext, id: string): Decision {
  const row = sql<DecisionRow, [string]>(ctx.db, `${SELECT_DECISION} WHERE d.id = ?`).get(id)
  if (!row) throw notFound('decision', id)
  return toDecision(row)
}

export function createDecision(
  ctx: CoreContext,
  input: ParsedInputOf<'decisions:create'>
): Decision {
  requireStatus(ctx, input.sessionId, ['live', 'ended'], 'sessionId')
  requireOwner(ctx, input.ownerId)
  const id = uuidv7(ctx.now())
  sql<never, [string, string, string, string | null, string, string | null, number, number]>(
    ctx.db,
    `INSERT INTO decisions (id, session_id, text, owner_id, owner_name, due_date, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?)`
  ).run(id, input.sessionId, input.text, input.ownerId, input.ownerId ? '' : input.ownerName, input.dueDate, ctx.now(), ctx.now())
  ctx.emit({ name: 'decisions:changed', id: input.sessionId })
  return getDecision(ctx, id)
}

/** Follow-ups are updated long after the session: any field, and done / open again. */
export function updateDecision(
  ctx: CoreContext,
  input: ParsedInputOf<'decisions:update'>
): Decision {
  const decision = getDecision(ctx, input.id)
  if (input.ownerId !== undefined) requireOwner(ctx, input.ownerId)
  const ownerId = input.ownerId === undefined ? decision.ownerId : input.ownerId
  const ownerName = ownerId ? '' : (input.ownerName ?? (input.ownerId === undefined ? decision.ownerName : ''))
  const status = input.status ?? decision.status
  const doneAt = status === 'done' ? (decision.status === 'done' ? decision.doneAt : ctx.now()) : null
  sql<never, [string, string | null, string, string | null, DecisionStatus, number | null, number, string]>(
    ctx.db,
    `UPDATE decisions SET text = ?, owner_id = ?, owner_name = ?, due_date = ?, status = ?, done_at = ?, updated_at = ? WHERE id = ?`
  ).run(input.text ?? decision.text, ownerId, ownerName, input.dueDate === undefined ? decision.dueDate : input.dueDate, status, doneAt, ctx.now(), decision.id)
  ctx.emit({ name: 'decisions:changed', id: decision.sessionId })
  return getDecision(ctx, decision.id)
}

export function deleteDecision(ctx: CoreContext, id: string): { id: string } {
  const decision = getDecision(ctx, id)
  sql<never, [string]>(ctx.db, 'DELETE FROM decisions WHERE id = ?').run(id)
  ctx.emit({ name: 'decisions:changed', id: decision.sessionId })
  return { id }
}

function requireOwner(ctx: ReadContext, ownerId: string | null): void {
  if (ownerId && missingPeople(ctx, [ownerId]).size > 0) {
    throw new AppFailure('invalid_input', 'No such person.', [{ path: ['ownerId'], code: 'person_not_found', message: 'no such person' }])
  }
}

function toDecision(row: DecisionRow): Decision {
  return {
    id: row.id,
    sessionId: row.session_id,
    sessionTitle: row.session_title,
    sessionStart: row.session_start,
    text: row.text,
    ownerId: row.owner_id,
    ownerName: row.person_name ?? row.owner_name,
    dueDate: row.due_date,
    status: row.status,
    doneAt: row.done_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}
