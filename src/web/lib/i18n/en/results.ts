import type { Messages } from '../ja.js';

/** English messages of the results screens, typed by the Japanese file. */
export const resultsEn: Messages['results'] = {
  title: 'Results',
  pageTitle: 'Results: {{title}}',
  backToRound: 'Back to the round',
  separator: ' · ',
  listSeparator: ', ',
  until: ' – ',
  stillOpen: 'This round is still taking answers. What you see is the state so far.',
  stillOpenHidden:
    'This round is still taking answers. Until it closes, figures such as distributions and medians are not shown (your own answers are).',

  // Anonymity
  withheldBelow: 'Not shown, to protect anonymity: there are fewer than {{k}} responses.',
  withheldProtects:
    'Not shown, to protect anonymity: set against the other figures, it would let someone work out the answers of fewer than {{k}} people.',
  withheldRoundOpen:
    'Not shown until the round closes: while it is still taking answers, figures such as distributions and medians are hidden, because watching them change as each person submits would reveal individual answers.',
  withheldBelowNoK: 'Not shown, to protect anonymity: there are too few responses (or none).',
  withheldProtectsNoK: 'Not shown: set against the other figures, it would reveal the answers of a few people.',
  withheldShort: 'Not shown',
  withheldOption: ' (too few responses to choose)',
  withheldOptionProtects: ' (cannot be chosen, to protect anonymity)',
  withheldOptionOpen: ' (cannot be chosen while the round is open)',
  withheldShortBelow: 'Not shown (fewer than {{k}} responses)',
  withheldShortProtects: 'Not shown (other figures would reveal the answers of a few people)',
  withheldShortOpen: 'Not shown (the round is still open; shown once it closes)',
  thresholdNote: 'figures over fewer than {{k}} responses are not shown',
  noValue: 'none',

  // Summary and filters
  summaryTitle: 'About these results',
  responseCount: 'Responses',
  responses_one: '{{count, number}} response',
  responses_other: '{{count, number}} responses',
  anonymity: 'Anonymity',
  anonymousRound: 'Anonymous round',
  namedRound: 'Named round (announced as named before it opened)',
  comparedWith: 'Compared with',
  noCompare: 'None',
  filtersLabel: 'Filter the results',
  departmentFilter: 'Department',
  filterWithheldHint:
    'Departments and positions with fewer than {{k}} responses cannot be chosen, to protect anonymity.',
  filterOpenHint:
    'While the round is open no figures are shown, so the results cannot be filtered by department or position until it closes.',
  openCount_one: '{{count, number}} so far (still open)',
  openCount_other: '{{count, number}} so far (still open)',
  openCountNote:
    'The number for the whole round, as on the round page. Distributions and medians are shown once the round closes.',
  openCountFiltered_one:
    'Counts per department or position are shown once the round closes. The whole round has {{count, number}} response so far.',
  openCountFiltered_other:
    'Counts per department or position are shown once the round closes. The whole round has {{count, number}} responses so far.',
  wholeGroup: 'Everyone',
  positionFilter: 'Position',
  allPositions: 'All positions',
  compareFilter: 'Compare with',
  compareDefault: 'The previous round (automatic)',

  // Radar
  radarTitle: 'Where you and your workplace stand',
  radarLabel: 'Radar chart of the level per item in {{title}}. The numbers are also in a table.',
  radarNote: 'Levels rise from the centre outwards: 1, 2, 3 …',
  radarEmpty: 'There are no answers to show yet.',
  seriesMine: 'My answers',
  seriesGroup: 'Median of everyone',
  seriesGroupOf: 'Median of {{name}}',
  selectedGroup: 'the selected group',
  seriesPrevious: 'Compared: {{title}}',
  showNumbers: 'Show the numbers as a table',
  tableOf: 'Table: {{title}}',
  item: 'Item',

  // Distribution
  distributionTitle: 'How answers spread over the levels',
  distribution: 'Distribution',
  distributionLabel: 'Answers to {{title}}: {{parts}}. Median {{median}}',
  levelNumber: 'Level {{level}}',
  levelCount: 'level {{level}}: {{n}}',
  levelCountNamed: 'level {{level}} “{{label}}”: {{n}}',
  halfLine: 'Half of the answers (the level here is the median)',
  median: 'Median',
  mine: 'Mine',
  mostImportant_one: 'Most important to {{count, number}} person',
  mostImportant_other: 'Most important to {{count, number}} people',

  // Gaps
  gapsTitle: 'How positions see it differently',
  gapsLead:
    'People in different positions often see the same item differently. Start the conversation with the largest gaps.',
  gapsFiltered: 'Differences between positions are shown when the results are not filtered.',
  gapsNone: 'There are not enough answers to compare positions (each position needs {{k}} or more).',
  gapHigh: 'Sees it higher',
  gapLow: 'Sees it lower',
  gap: 'Gap',
  positionMedian: '{{position}} {{median}}',
  positionCount: '{{position}} {{n}}',
  positionsShown: 'Positions compared: {{list}}.',
  positionsWithheld: '{{list}}: fewer than {{k}} responses, left out.',
  positionsWithheldProtects: '{{list}}: left out, as other figures would reveal the answers of a few people.',

  // Changes
  changesTitle: 'Change since the earlier round',
  changesLead: 'Compared with:',
  compareCount_one: ' ({{count, number}} response)',
  compareCount_other: ' ({{count, number}} responses)',
  noCompareLong:
    'There is no earlier round to compare with. When the same sheet runs again, the change per item will show here.',
  previousMedian: 'Earlier median',
  currentMedian: 'Median now',
  change: 'Change',
  change_up: 'went up',
  change_down: 'went down',
  change_same: 'no change',

  // Next moves
  nextMovesTitle: 'Next moves',
  nextMovesLead: 'The level above the median of everyone. Use it to talk about where your workplace wants to be next.',
  nextMovesLeadOf:
    'The level above the median of {{name}}. Use it to talk about where your workplace wants to be next.',
  nextMovesLeadMine: 'The group figures cannot be shown, so these are the levels above your own answers.',
  nextMovesNoneOpen:
    'No next moves can be shown yet: the group figures are hidden until the round closes and you did not answer this round.',
  nextMovesNone:
    'No next moves can be shown: the group figures are withheld and you did not answer this round. Remove the filters to see the next moves of everyone.',
  carry: 'Add to my next-move drafts',
  carryFor: 'Add to my next-move drafts: {{title}}',
  carried: 'Added to your drafts.',
  alreadyCarried: 'Already in your drafts.',
  openPlanDrafts: 'Open my next-move drafts',
  atTop: 'Already at the highest level. Think about keeping it there and sharing how with other workplaces.',

  // Unit spread
  spreadTitle: 'Spread across departments',
  spreadLead:
    'Each dot is one department’s median. No department is named and the dots are in ascending order. The picture shows how spread the organisation is; it is not a ranking.',
  spreadCounts: '{{shown}} departments shown; {{withheld}} with fewer than {{k}} responses are left out.',
  spreadMedianLine: 'The vertical line is the median of everyone.',
  spreadWholeOrg:
    'This picture always covers the whole organisation: the department and position filters above do not apply to it.',
  spreadNone: 'No department has {{k}} or more responses, so nothing can be shown.',
  spreadLabel_one: '{{title}}: the median of {{count}} department, {{values}}',
  spreadLabel_other: '{{title}}: medians of {{count}} departments, {{values}}',
  unitTrendsTitle: 'See a department’s trend',
  unitTrendsLead: 'Each page shows one department’s change over its own rounds, never beside other departments.',
  unitTrendLink: 'Trend of {{name}}',

  // Downloads
  downloadsTitle: 'Download and print',
  downloadsLead: 'Files follow the filters on screen. The CSV opens directly in Excel.',
  groupFiles: 'Results of everyone',
  downloadCsv: 'Download as CSV',
  downloadXlsx: 'Download as Excel (xlsx)',
  printReport: 'Report for printing',
  myFiles: 'My answers',
  downloadMineCsv: 'Download my answers as CSV',
  downloadMineXlsx: 'Download my answers as Excel (xlsx)',
  printMyReport: 'My report for printing',
  responsesFiles: 'Individual answers (named round)',
  downloadResponsesCsv: 'Download individual answers as CSV',
  downloadResponsesXlsx: 'Download individual answers as Excel (xlsx)',

  // Named responses
  namedTitle: 'Individual answers',
  namedLead:
    'People were told before this round opened that it is named. Look at individual answers only where there is a need, such as a review meeting.',
  namedShow: 'Show individual answers',
  respondent: 'Respondent',
  mostImportantItem: 'Most important item',
  submittedAt: 'Submitted',

  // Report
  reportTitle: 'Report for printing',
  reportPageTitle: '{{title}}: report for printing',
  backToResults: 'Back to the results',
  print: 'Print',
  reportGroup: 'Step-up sheet results report',
  reportMine: 'Step-up sheet: my results report',
  organization: 'Organisation',
  sheet: 'Sheet',
  period: 'Period',
  scope: 'Counted',
  printedOn: 'Printed on',
  reportItemsTitle: 'Results per item',
  reportMovesGroup: 'For each item, the level above the median of everyone.',
  reportMovesGroupOf: 'For each item, the level above the median of {{name}}.',
  reportAtTop: 'Already at the highest level.',
  reportMostImportant: 'The item I chose as most important',
  reportMostImportantNone: 'None chosen',
  reportMovesMine: 'For each item, the level above my own answer.',
  reportNoMoves: 'Every item is already at the highest level.',
  reportFooter:
    'These results are for talking about where a workplace stands. Please do not use them to rank or assess departments or people.',

  // Unit trend
  trendTitle: 'Trend of {{name}}',
  trendTitleGeneric: 'Department trend',
  trendLead:
    'How this department’s own results changed from round to round. It is not compared with other departments.',
  trendFilterLabel: 'Sheet to follow',
  trendTemplate: 'Sheet',
  trendChooseTemplate: 'Sheet of the latest round',
  trendNoTemplate: 'This organisation has not run a sheet yet. Once it has, a department’s trend shows here.',
  trendNoRounds: 'This department has not been part of a round of this sheet yet.',
  trendWithheldTitle: 'Rounds not shown',
  trendChartsTitle: 'Trend per item',
  trendChartsNote:
    'Across: the date each round opened, spaced by the time between them. Up: the level. Rounds marked “Not shown” leave a gap in the line, marked with a dotted line.',
  trendOpened: 'opened {{date}}',
  trendBackToRounds: 'Back to sheet rounds and results',
  trendLabel: 'Trend of {{title}}: {{values}}',
  trendTableTitle: 'The trend in numbers',

  // Plan drafts
  draftsTitle: 'Next-move drafts',
  draftsLead:
    'Next moves you brought back from results. Add notes and use them in conversations at work and when making an action plan.',
  draftsEmpty: 'No next moves yet. You can add them from the “Next moves” of a sheet’s results.',
  draftsToRounds: 'See sheet rounds and results',
  draftsFromWorkshop: 'From a workshop',
  draftsOpenResults: 'Open the results of this round',
  draftNote: 'Note (what, by when)',
  draftNoteHint: 'For example: put the goals up at the June team meeting and check progress once a month.',
  draftNoteTooLong: 'Keep the note to {{max}} characters.',
  draftNoteSaved: 'Note saved.',
  draftSave: 'Save note',
  draftSaveFor: 'Save note: {{title}}',
  draftRemove: 'Remove from drafts',
  draftRemoveFor: 'Remove from drafts: {{title}}',
  draftRemoveTitle: 'Remove from drafts?',
  draftRemoveBody:
    'The next move for “{{title}}” and its note leave your drafts. You can add it again from the results at any time.',
  draftRemoved: 'Removed “{{title}}” from your drafts.',
  // Case suggestions
  suggestionsTitle: 'Cases that may help with the weakest items',
  suggestionsLead:
    'Published cases found by the words of the 3 items with the lowest medians overall. See what other workplaces and cities did.',
  suggestionsLeadOf:
    'Published cases found by the words of the 3 items with the lowest medians for {{name}}. See what other workplaces and cities did.',
  suggestionsLeadMine:
    'The group’s figures cannot be shown, so these are published cases for the 3 items where your own answers are lowest.',
  suggestionsLevel: 'Median {{level}} of {{count}} levels',
  suggestionsLevelMine: 'Your answer {{level}} of {{count}} levels',
  suggestionsNoCases: 'No published case matches this item yet.',
  suggestionsNoneOpen:
    'Until the round closes the group’s figures are hidden, and you have not answered it, so there are no weakest items to show.',
  suggestionsNone:
    'The group’s figures cannot be shown and you have not answered this round, so there are no weakest items to show.',
  suggestionsFailed: 'The cases could not be loaded. Try again later.',
};
