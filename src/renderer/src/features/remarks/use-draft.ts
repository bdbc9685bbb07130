import { useCallback, useEffect, useRef, useState } from 'react'
import type { RemarkDraft } from '@shared/domain'
import { api } from '../../api'
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
  const [restored, setRestored] = useState(false)
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null)
  const latest = useRef(box)
  latest.current = box

  useEffect(() => {
    void api.invoke('drafts:get', { sessionId }).then((result) => {
      if (result.ok && result.value) restore(result.value)
      setRestored(true)
    })
  }, [sessionId, restore])

  const writeDraft = useCallback(() => {
    pending.current = null
    const { text, tags, starred, forMinutes, speakerId, turnId } = latest.current
    void api.invoke('drafts:save', { sessionId, speakerId, turnId, text, tags, starred, forMinutes })
  }, [sessionId])

  useEffect(() => {
    if (!restored || pending.current) return
    pending.current = setTimeout(writeDraft, DRAFT_EVERY_MS)
  }, [box, restored, writeDraft])
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
