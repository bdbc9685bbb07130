import type { remarksContract } from '../../shared/contract/remarks'
import type { HandlersFor } from '../handler-kinds'
import { createRemark, deleteRemark, getDraft, listRemarks, saveDraft, updateRemark } from './remarks'

export const remarksHandlers = {
  'remarks:list': (ctx, { sessionId }) => listRemarks(ctx, sessionId),
  'remarks:create': (ctx, input) => createRemark(ctx, input),
  'remarks:update': (ctx, input) => updateRemark(ctx, input),
  'remarks:delete': (ctx, { id }) => deleteRemark(ctx, id, true),
  'remarks:restore': (ctx, { id }) => deleteRemark(ctx, id, false),
  'drafts:get': (ctx, { sessionId }) => getDraft(ctx, sessionId),
  'drafts:save': (ctx, draft) => saveDraft(ctx, draft)
} satisfies HandlersFor<typeof remarksContract>
