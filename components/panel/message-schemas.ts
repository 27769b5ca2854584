/** The messages the panel listens for, in one module loaded after the first paint (they pull in zod). */
export { pageChanged } from '../../utils/messages';
export { packsChangedNotice } from '../../utils/packs/messages';
