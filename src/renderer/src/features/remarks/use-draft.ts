import { useCallback, useEffect, useRef } from 'react'
import type { RemarkDraft } from '@shared/domain'
import { api } from '../../api'
import { takePrefetched } from '../../api/prefetch'
import type { Box } from './remark-box'

/** The draft is written at most this often while typing, so at least once a second. */
const DRAFT_EVERY_MS = 500

/**
 * Keeps the remark box as a draft in the database, so that after a restart (or a power cut) it comes back
 * as it was: `restore` gets the stored draft once, and only then are changes written (else the empty box
 * of a fresh start would overwrite it). What is still unwritten when the console closes is written then.
 * `cancel` drops a pending write (the remark was just saved).
 */
export function useDraft(sessionId: string, box: Box, restore: (draft: RemarkDraft) => void): { cancel: () => void } {
  // A ref, not state: the console need not be drawn again when there was no draft to restore.
  const restored = useRef(false)
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null)
  const latest = useRef(box)
  latest.current = box

  const writeDraft = useCallback(() => {
    pending.current = null
    const { text, tags, starred, forMinutes, speakerId, turnId } = latest.current
    void api.invoke('drafts:save', { sessionId, speakerId, turnId, text, tags, starred, forMinutes })
  }, [sessionId])
  const writeSoon = useCallback(() => {
    if (!pending.current) pending.current = setTimeout(writeDraft, DRAFT_EVERY_MS)
  }, [writeDraft])

  useEffect(() => {
    restored.current = false
    // Asked for as the console's address was opened, if it was (shell/early-start.ts).
    const answer = takePrefetched('drafts:get', JSON.stringify({ sessionId }))?.answer ?? api.invoke('drafts:get', { sessionId })
    void answer.then((result) => {
      if (result.ok && result.value) restore(result.value)
      restored.current = true
      writeSoon()
    })
  }, [sessionId, restore, writeSoon])

  useEffect(() => {
    if (restored.current) writeSoon()
  }, [box, writeSoon])
  useEffect(
    () => () => {
      if (pending.current) {
        clearTimeout(pending.current)
        writeDraft()
      }
    },
    [writeDraft]
  )

  const cancel = useCallback(() => {
    if (pending.current) clearTimeout(pending.current)
    pending.current = null
  }, [])
  return { cancel }
}
