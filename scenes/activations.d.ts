/// <reference types="@motion-canvas/core/project" />
// The records computed in Node (src/model) reach the browser through this virtual
// module, served by src/editor/activationsPlugin.ts. The editor and the renderer
// read the same numbers.
declare module 'virtual:activations' {
  const records: import('../src/animations/types').ActivationRecords;
  export default records;
}

// The vite plugin turns `project.ts?project` into the bootstrapped Project.
declare module '*?project' {
  const project: import('@motion-canvas/core').Project;
  export default project;
}

// Test-only fixture scenes (src/render/testScenes.ts); empty outside the test suite.
declare module 'virtual:test-scenes' {
  const scenes: import('@motion-canvas/core').FullSceneDescription[];
  export default scenes;
}
