import type { photosContract } from '../../shared/contract/photos'
import type { HandlersFor } from '../handler-kinds'
import { addPhoto, deletePhoto, listPhotos, movePhoto, photoContent, updatePhoto } from './photos'

export const photosHandlers = {
  'photos:list': (ctx, { sessionId }) => listPhotos(ctx, sessionId),
  'photos:get': (ctx, { id }) => photoContent(ctx, id),
  'photos:add': (ctx, input) => addPhoto(ctx, input),
  'photos:update': (ctx, input) => updatePhoto(ctx, input),
  'photos:move': (ctx, input) => movePhoto(ctx, input),
  'photos:delete': (ctx, { id }) => deletePhoto(ctx, id)
} satisfies HandlersFor<typeof photosContract>
