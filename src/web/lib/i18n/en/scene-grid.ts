import type { Messages } from '../ja.js';

/** English messages of the scene grid screens, typed by the Japanese file. */
export const sceneGridEn: Messages['sceneGrid'] = {
  title: 'The 12 scenes of improvement',
  lead: 'Improvements fall into 12 scenes: how far the change reaches (the stage) combined with how deep it goes (the change level).',
  purposeHeading: 'What the grid is for',
  purpose: {
    place: 'Kaizen cases, action plans and career-map entries are each placed on one scene.',
    report: 'Counted scene by scene, they show where improvement happens in the organisation.',
    frontier: 'A scene nobody has tried yet is the next frontier: a place to look when the team runs out of ideas.',
  },
  reading:
    'Columns are stages (the reach of the change), narrow on the left to wide on the right. Rows are change levels, from small changes at the top to deep ones at the bottom. Each cell gives one example of its scene.',
  caption: 'The 12 scenes of improvement (stage × change level)',
  axes: { stage: 'Stage', level: 'Change level' },
  examples: {
    'individual-fix': 'Stop errors and rework in your own tasks',
    'individual-improvement': 'Make your own work faster, easier and more reliable',
    'individual-innovation': 'Change what your own role is for',
    'workplace-fix': 'Fix what goes wrong in how your team works',
    'workplace-improvement': 'Rethink how your workplace does its work',
    'workplace-innovation': 'Reinvent the way your workplace delivers',
    'government-fix': 'Fix problems in procedures that cross departments',
    'government-improvement': 'Rework systems and rules across the whole organisation',
    'government-innovation': 'Redesign how the government does its work',
    'region-fix': 'Fix what goes wrong between the city and its residents or businesses',
    'region-improvement': 'Improve services and working together with the community',
    'region-innovation': 'Create new value together with the region',
  },
  readOnly: 'Organisation admins can rename the stages and change levels to match the words the organisation uses.',
  form: {
    heading: 'Rename',
    lead: 'Give the stages and change levels the names your organisation uses. The scenes themselves stay the same, so cases and plans placed on them keep their place.',
    stages: 'Stages (reach)',
    levels: 'Change levels',
    ja: 'Japanese name',
    en: 'English name',
    defaultIs: 'Default name: ',
    limit: 'Up to {{max}} characters.',
    renamed: 'Renamed',
    reset: 'Reset to default',
    resetName: 'Reset to default: {{name}}',
    saved: 'The names of the 12 scenes were saved.',
  },
  errors: {
    required: 'Enter a name.',
    tooLong: 'Use {{max}} characters or fewer.',
    duplicate: 'Another stage or change level already has this name. Choose a different one.',
  },
};
