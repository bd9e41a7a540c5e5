// The dev server's per-run secret for the export routes (src/editor/exportPlugin.ts).
declare module 'virtual:export-token' {
  const token: string;
  export default token;
}
