import type { DocumentsResource } from './documents'

export const documentsEn: DocumentsResource = {
  names: { minutes: 'Minutes', record: 'Record', volunteer: 'Volunteer activity record', turns: 'Turns', roster: 'Directory' },
  project: 'Ideological roundtable',
  colon: ': ',
  clauseSeparator: ', ',
  listSeparator: ', ',
  none: 'None',
  aside: '{{text}} ({{aside}})',
  sectionNumbers: '1 2 3 4 5 6 7 8 9 10',
  numberedSection: '{{number}}. {{heading}}',
  fields: { theme: 'Theme', time: 'Time', venue: 'Venue', organiser: 'Organised by', owner: 'Owner', due: 'Due', done: 'Done' },
  roles: { host: 'Host', recorder: 'Recorder', lecturer: 'Lecturer' },
  attendance: {
    heading: 'Attendance',
    counts: '{{expected}} expected, {{present}} present{{walkIns}}, {{absent}} absent{{unmarked}}.',
    walkInsIncluded_one: ' ({{count}} walk-in included)',
    walkInsIncluded_other: ' ({{count}} walk-ins included)',
    notCheckedIn: ', {{unmarked}} not checked in',
    present: 'Present ({{category}})',
    walkIns: 'Walk-ins',
    unmarked: 'Not checked in',
    absentees: 'Absent'
  },
  headings: {
    agenda: 'Agenda',
    study: 'Part one: study',
    roundtable: 'Part two: roundtable time',
    suggestions: 'Opinions and suggestions',
    decisions: 'Decisions',
    summary: 'Closing summary',
    hostSummary: 'Host’s closing summary',
    statistics: 'Speaking'
  },
  agenda: { kinds: { study: 'Study', roundtable: 'Roundtable time', other: 'Other' }, minutes: 'min' },
  statistics: '{{speakers}} people spoke {{turns}} times, {{total}} in all, {{average}} on average; applause {{applause}} times.',
  record: {
    sections: { before: 'Before the session', after: 'Added afterwards', closing: 'Closing' },
    turn: '{{who}}, {{time}}, {{duration}}',
    lecture: '{{who}}, {{time}}, lecture',
    lectureTopic: ': {{topic}}',
    note: '{{who}}, {{time}}, added note',
    moment: '{{who}}, {{time}}',
    marks: { raised_hand: ' (raised hand)', again: ' (speaking again)', skipped: ' (skipped)', deferred: ' (deferred)', declined: ' (declined)' },
    adjourned: 'Adjourned at {{time}}.',
    signatures: 'Host (signature): ____________    Recorder (signature): ____________',
    pageOf: 'Page {{page}} of {{pages}}'
  },
  volunteer: {
    activity: 'Activity',
    project: 'Project',
    projectName: 'Ideological roundtable — civilisation practice volunteer project',
    team: 'Organising team',
    heading: 'Volunteers and service hours',
    hours: '{{hours}} h',
    reached: 'People reached',
    served: '{{people}} people served (volunteers not counted)',
    content: 'Content',
    outcome: 'Outcome'
  },
  turns: {
    columns: { speaker: 'Speaker', part: 'Part', round: 'Round', kind: 'Kind', outcome: 'Outcome', started: 'Started', seconds: 'Seconds', applause: 'Applause' },
    kinds: { study: 'study', round: 'round', raised_hand: 'raised hand', again: 'speak again' },
    outcomes: { speaking: 'speaking', spoken: 'spoken', skipped: 'skipped', deferred: 'deferred', declined: 'declined' }
  },
  roster: {
    columns: { name: 'Name', gender: 'Gender', organisation: 'Organisation', village: 'Village', categories: 'Categories', phone: 'Phone', note: 'Note', status: 'Status' },
    genders: { male: 'Male', female: 'Female' },
    archived: 'Archived'
  }
}
