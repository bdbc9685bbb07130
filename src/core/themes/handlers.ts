import type { themesContract } from '../../shared/contract/themes'
import type { HandlersFor } from '../handler-kinds'
import { createTheme, deleteTheme, getTheme, listThemes, updateTheme } from './themes'

export const themesHandlers = {
  'themes:list': (ctx) => listThemes(ctx),
  'themes:get': (ctx, { id }) => getTheme(ctx, id),
  'themes:create': (ctx, fields) => createTheme(ctx, fields),
  'themes:update': (ctx, { id, ...fields }) => updateTheme(ctx, id, fields),
  'themes:delete': (ctx, { id }) => deleteTheme(ctx, id)
} satisfies HandlersFor<typeof themesContract>
