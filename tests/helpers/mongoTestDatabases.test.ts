/** The database a test server's data dir maps to, and URIs rewritten to name it. */
import { describe, expect, it } from 'vitest';
import { databaseNameFor, withDatabaseName } from './mongoTestDatabases';

describe('withDatabaseName', () => {
  it('replaces or adds the database, keeping credentials, hosts and options', () => {
    expect(withDatabaseName('mongodb://127.0.0.1:27999/clip', 'x')).toBe(
      'mongodb://127.0.0.1:27999/x',
    );
    expect(withDatabaseName('mongodb://127.0.0.1:27999', 'x')).toBe('mongodb://127.0.0.1:27999/x');
    expect(withDatabaseName('mongodb://127.0.0.1:27999/', 'x')).toBe('mongodb://127.0.0.1:27999/x');
    expect(withDatabaseName('mongodb://u:p@a:1,b:2/clip?replicaSet=rs0&w=majority', 'x')).toBe(
      'mongodb://u:p@a:1,b:2/x?replicaSet=rs0&w=majority',
    );
    expect(withDatabaseName('mongodb+srv://u:p@cluster0.example.net?retryWrites=true', 'x')).toBe(
      'mongodb+srv://u:p@cluster0.example.net/x?retryWrites=true',
    );
  });
});

describe('databaseNameFor', () => {
  it('is stable for a directory and differs between directories', () => {
    expect(databaseNameFor('/tmp/clip-a')).toBe(databaseNameFor('/tmp/clip-a'));
    expect(databaseNameFor('/tmp/clip-a')).not.toBe(databaseNameFor('/tmp/clip-b'));
    expect(databaseNameFor('/tmp/clip-a')).toMatch(/^clip_test_[0-9a-f]{16}$/);
  });
});
