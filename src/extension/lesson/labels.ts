import type { TaskState } from '../labStatus';

/** How the sidebar words a lab task's state. */
export function taskStateLabel(state: TaskState): string {
  switch (state) {
    case 'pass': return 'pass';
    case 'fail': return 'fail';
    case 'error': return 'error';
    case 'timeout': return 'timed out';
    case 'todo': return 'to do';
    case 'unchecked': return 'not checked';
  }
}
