/** Types only: the messages and persisted state shared by the extension host and the webviews. */
export type * from './messages';
export type * from './plotState';
export type * from './classView';
