import type { peopleContract } from '../../shared/contract/people'
import { runsItsOwnTransactions, type HandlersFor } from '../handler-kinds'
import { archivePerson, createPerson, deletePerson, getPerson, listPeople, updatePerson } from './people'
import { exportPeople } from './roster-export'
import { commitImport, likelyDuplicates, previewImport } from './roster-import'

export const peopleHandlers = {
  'people:list': (ctx, input) => listPeople(ctx, input),
  'people:get': (ctx, { id }) => getPerson(ctx, id),
  'people:findLikelyDuplicates': (ctx, input) => likelyDuplicates(ctx, input),
  'people:create': (ctx, fields) => createPerson(ctx, fields),
  'people:update': (ctx, { id, ...fields }) => updatePerson(ctx, id, fields),
  'people:archive': (ctx, { id, archived }) => archivePerson(ctx, id, archived),
  'people:delete': (ctx, { id }) => deletePerson(ctx, id),
  'people:importPreview': runsItsOwnTransactions(previewImport),
  'people:importCommit': runsItsOwnTransactions(commitImport),
  'people:export': runsItsOwnTransactions(exportPeople)
} satisfies HandlersFor<typeof peopleContract>
