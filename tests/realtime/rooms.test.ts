/**
 * Room names are built and read back in one module (`server/realtime/rooms.ts`): the access
 * sweep prunes exactly the rooms the handlers join, and never a user's own room.
 */
import { describe, expect, it } from 'vitest';
import {
  documentRoom,
  parseGuardedRoom,
  userRoom,
  workspaceRoom,
} from '../../server/realtime/rooms';

describe('room names', () => {
  it('reads a workspace or document room back to its id', () => {
    expect(parseGuardedRoom(workspaceRoom('w1'))).toEqual({ kind: 'workspace', workspaceId: 'w1' });
    expect(parseGuardedRoom(documentRoom('d:1'))).toEqual({ kind: 'document', documentId: 'd:1' });
  });

  it('guards no user room, socket id or other name', () => {
    expect(parseGuardedRoom(userRoom('u1'))).toBeNull();
    expect(parseGuardedRoom('Xk3_socket-id')).toBeNull();
    expect(parseGuardedRoom('document:d1')).toBeNull();
  });
});
