/**
 * A presence tracker that also tells a listener whenever a document's list of people changed
 * (opened, closed, a socket gone, access lost), so features that show who is present (the
 * review session's participants) can follow without each presence path calling them.
 */
import type { PresenceChange, PresenceTracker } from './presenceTracker';

/** `tracker`, reporting each change of a document's list to `onChange` after it happened. */
export function observePresence(
  tracker: PresenceTracker,
  onChange: (change: PresenceChange) => void,
): PresenceTracker {
  // Each method delegated by name (a spread would lose methods of a class instance).
  return {
    usersOf: (input) => tracker.usersOf(input),
    snapshotOf: (input) => tracker.snapshotOf(input),
    countForSocket: (input) => tracker.countForSocket(input),
    workspaceOf: (input) => tracker.workspaceOf(input),
    open: (input) => {
      const isChanged = tracker.open(input);
      if (isChanged) onChange({ workspaceId: input.workspaceId, documentId: input.documentId });
      return isChanged;
    },
    close: (input) => {
      const change = tracker.close(input);
      if (change) onChange(change);
      return change;
    },
    removeSocket: (input) => {
      const changes = tracker.removeSocket(input);
      for (const change of changes) onChange(change);
      return changes;
    },
  };
}
