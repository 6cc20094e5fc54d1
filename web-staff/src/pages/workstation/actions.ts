/** What a clerk does with the visitor at the counter, in the order of the buttons. */
export type Action = 'callNext' | 'recall' | 'start' | 'finish' | 'noShow' | 'park' | 'transfer' | 'undo';

/** The buttons in their order; the frequent ones have a single-key shortcut (listed on the page by ShortcutHelp). */
export const ACTIONS: readonly { action: Action; key?: string }[] = [
  { action: 'callNext', key: 'N' },
  { action: 'recall', key: 'R' },
  { action: 'start', key: 'S' },
  { action: 'finish', key: 'F' },
  { action: 'noShow' },
  { action: 'park' },
  { action: 'transfer' },
  { action: 'undo', key: 'U' },
];
