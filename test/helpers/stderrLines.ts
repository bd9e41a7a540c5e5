/** Reading a CLI's error out of its stderr: the house rule is one line, so a second line fails the test. */
import {expect} from 'vitest';

/** `stderr`'s only line; fails the test unless there is exactly one. */
export function oneLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  return lines[0];
}

/** The one stderr line that starts with `render:` (progress lines may come before it); fails the test unless there is exactly one. */
export function renderError(stderr: string): string {
  const errors = stderr
    .trim()
    .split('\n')
    .filter(line => line.startsWith('render:'));
  expect(errors, stderr).toHaveLength(1);
  return errors[0];
}
