/**
 * The botbuilder-dialogs classes License Desk uses, from the package's own files rather than its index: the index
 * loads every prompt, and with them the recognizers-text packages, globalize and lodash, which no dialog here uses
 * (some 180 modules and 7 MB of heap in every process). These are the files the index re-exports, so code that still
 * imports 'botbuilder-dialogs' (types, tests) gets the same classes. The questions (choice and text) are this
 * folder's own (questions.ts): botbuilder's prompts load the recognizers too.
 */
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
export { DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog';
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog';
