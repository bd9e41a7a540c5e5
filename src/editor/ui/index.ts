/**
 * The editor module given to the Motion Canvas vite plugin (`editor` option): the stock UI's
 * code, unchanged. The plugin takes `editor.html` and `style.css` from this module's folder,
 * which is the point: ours load nothing from other hosts (see ../offlineEditor.ts).
 */
export {editor, index} from '@motion-canvas/ui';
