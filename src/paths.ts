/** Where the project lives on disk: render, model and scripts code all resolve paths from here. */
import {fileURLToPath} from 'node:url';

/** The repository root (the folder holding package.json). */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
