// The dev server's per-run secret for the export routes (src/editor/exportPlugin.ts).
declare module 'virtual:editor-export-token' {
  const token: string;
  export default token;
}
