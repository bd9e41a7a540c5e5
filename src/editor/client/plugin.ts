/**
 * The runtime side of the editor plugin (registered by src/editor/exportPlugin.ts): the two
 * exporters in Video Settings → Rendering, and the live records' messages in the editor's log.
 */
import {makePlugin, type Renderer} from '@motion-canvas/core';
import {exporterClass} from './ProjectExporter';
import {logRecordUpdates} from './recordLog';

export default makePlugin(() => {
  let renderer: Renderer | undefined;
  const current = () => renderer;
  return {
    name: 'four-dl-layers/editor',
    exporters: () => [exporterClass('gif', current), exporterClass('gif-video', current)],
    renderer(editorRenderer) {
      renderer = editorRenderer;
    },
    project(project) {
      logRecordUpdates(project.logger);
    },
  };
});
