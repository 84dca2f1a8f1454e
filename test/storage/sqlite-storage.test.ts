import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConversationState, MemoryStorage, TestAdapter, UserState, type Storage } from 'botbuilder';
import { ConcurrencyConflict } from '../../src/ports';
import { SqliteStorage } from '../../src/storage/sqlite-storage';
import { useTempDir } from './support/temp-dir';

type Existing = 'absent' | 'present';
type ETagChoice = 'none' | 'empty' | 'star' | 'current' | 'stale';

interface ETagCase {
  readonly existing: Existing;
  readonly eTag: ETagChoice;
  readonly expected: 'stored' | 'conflict';
}

// MemoryStorage's rule: stored when the key is new, the eTag is missing/empty/'*', or it equals the stored one.
const eTagCases: readonly ETagCase[] = [
  { existing: 'absent', eTag: 'none', expected: 'stored' },
  { existing: 'absent', eTag: 'star', expected: 'stored' },
  { existing: 'absent', eTag: 'stale', expected: 'stored' },
  { existing: 'present', eTag: 'none', expected: 'stored' },
  { existing: 'present', eTag: 'empty', expected: 'stored' },
  { existing: 'present', eTag: 'star', expected: 'stored' },
  { existing: 'present', eTag: 'current', expected: 'stored' },
  { existing: 'present', eTag: 'stale', expected: 'conflict' },
];

function eTagFor(choice: ETagChoice, current: string | undefined): { eTag?: string } {
  switch (choice) {
    case 'none':
      return {};
    case 'empty':
      return { eTag: '' };
    case 'star':
      return { eTag: '*' };
    case 'current':
      return { eTag: current ?? 'no-current-etag' };
    case 'stale':
      return { eTag: 'stale-etag-from-an-old-read' };
  }
}

describe('SqliteStorage', () => {
  const dir = useTempDir();
  let storage: SqliteStorage;
  const file = (): string => path.join(dir.path, 'nested', 'state.sqlite');

  beforeEach(() => {
    storage = SqliteStorage.open(file());
  });
  afterEach(async () => {
    await storage.close();
  });

  describe('eTag semantics, compared with botbuilder MemoryStorage', () => {
    for (const testCase of eTagCases) {
      it(`${testCase.existing} item, eTag ${testCase.eTag} → ${testCase.expected}`, async () => {
        const outcomes = await Promise.all(
          [storage, new MemoryStorage()].map((subject) => attemptWrite(subject, testCase)),
        );
        assert.deepEqual(outcomes, [testCase.expected, testCase.expected]);
      });
    }

    it('throws ConcurrencyConflict on a stale eTag and keeps the stored item', async () => {
      await storage.write({ k: { n: 1 } });
      const before = (await storage.read(['k']))['k'];
      await assert.rejects(storage.write({ k: { n: 2, eTag: 'stale' } }), ConcurrencyConflict);
      assert.deepEqual((await storage.read(['k']))['k'], before);
    });

    it('gives every stored version a new eTag and returns it on read', async () => {
      const seen = new Set<string>();
      for (let version = 1; version <= 5; version += 1) {
        const current = (await storage.read(['k']))['k'] as { eTag?: string } | undefined;
        await storage.write({ k: { version, eTag: current?.eTag ?? '*' } });
        const stored = (await storage.read(['k']))['k'];
        assert.equal(stored.version, version);
        assert.equal(typeof stored.eTag, 'string');
        seen.add(stored.eTag);
      }
      assert.equal(seen.size, 5);
    });

    it('an eTag that was current once no longer matches after the next write', async () => {
      await storage.write({ k: { n: 1 } });
      const first = (await storage.read(['k']))['k'].eTag as string;
      await storage.write({ k: { n: 2, eTag: first } });
      await assert.rejects(storage.write({ k: { n: 3, eTag: first } }), ConcurrencyConflict);
    });
  });

  describe('read and delete', () => {
    it('returns only the keys that exist, with their values', async () => {
      await storage.write({ a: { text: 'α', nested: { list: [1, 2] } }, b: { text: 'b' } });
      const items = await storage.read(['a', 'missing', 'a']);
      assert.deepEqual(Object.keys(items), ['a']);
      assert.deepEqual({ ...items['a'], eTag: undefined }, { text: 'α', nested: { list: [1, 2] }, eTag: undefined });
    });

    it('deletes existing keys and ignores missing ones', async () => {
      await storage.write({ a: { n: 1 }, b: { n: 2 } });
      await storage.delete(['a', 'never-written']);
      assert.deepEqual(Object.keys(await storage.read(['a', 'b'])), ['b']);
    });

    it('refuses items that are not objects', async () => {
      await assert.rejects(storage.write({ k: 'text' }), TypeError);
      await assert.rejects(storage.write({ k: [1, 2] }), TypeError);
    });
  });

  describe('multi-key writes', () => {
    it('store nothing when one key conflicts', async () => {
      await storage.write({ existing: { n: 1 } });
      const before = (await storage.read(['existing']))['existing'];
      await assert.rejects(
        storage.write({ fresh: { n: 1 }, existing: { n: 2, eTag: 'stale' }, later: { n: 3 } }),
        ConcurrencyConflict,
      );
      assert.deepEqual(await storage.read(['fresh', 'existing', 'later']), { existing: before });
    });

    it('store every key when none conflicts', async () => {
      await storage.write({ existing: { n: 1 } });
      const current = (await storage.read(['existing']))['existing'].eTag as string;
      await storage.write({ fresh: { n: 1 }, existing: { n: 2, eTag: current } });
      const items = await storage.read(['fresh', 'existing']);
      assert.equal(items['fresh'].n, 1);
      assert.equal(items['existing'].n, 2);
    });
  });

  describe('createIfAbsent', () => {
    it('creates new keys and refuses, all or none, when one exists', async () => {
      await storage.createIfAbsent({ a: { n: 1 } });
      await assert.rejects(storage.createIfAbsent({ b: { n: 1 }, a: { n: 2 } }), ConcurrencyConflict);
      const items = await storage.read(['a', 'b']);
      assert.deepEqual(Object.keys(items), ['a']);
      assert.equal(items['a'].n, 1);
    });
  });

  describe('keys(prefix)', () => {
    it('lists the keys that start with the prefix, sorted, with no wildcard meaning', async () => {
      await storage.write({ 'requests/2': {}, 'requests/1': {}, 'requestsX/3': {}, 'cards/1': {}, 'r%_*/x': {} });
      assert.deepEqual(await storage.keys('requests/'), ['requests/1', 'requests/2']);
      assert.deepEqual(await storage.keys('r%_*'), ['r%_*/x']);
      assert.equal((await storage.keys('')).length, 5);
    });
  });

  describe('durability', () => {
    it('keeps items and eTags across close and reopen (a restart)', async () => {
      await storage.write({ a: { n: 1 }, b: { n: 2 } });
      const before = await storage.read(['a', 'b']);
      await storage.close();
      storage = SqliteStorage.open(file());
      assert.deepEqual(await storage.read(['a', 'b']), before);
      await storage.write({ a: { n: 3, eTag: before['a'].eTag } });
      assert.equal((await storage.read(['a']))['a'].n, 3);
    });

    it('creates the directory and the file', () => {
      assert.ok(fs.existsSync(file()));
    });

    it('refuses to work once closed', async () => {
      await storage.close();
      await assert.rejects(storage.read(['a']), /closed/);
      storage = SqliteStorage.open(file());
    });
  });

  describe('botbuilder state', () => {
    it('keeps ConversationState and UserState across a restart', async () => {
      const runTurns = async (expectedReplies: readonly string[]): Promise<void> => {
        const conversationState = new ConversationState(storage);
        const userState = new UserState(storage);
        const turns = conversationState.createProperty<number>('turns');
        const name = userState.createProperty<string>('name');
        const adapter = new TestAdapter(async (context) => {
          const count = (await turns.get(context, 0)) + 1;
          await turns.set(context, count);
          if (context.activity.text?.startsWith('I am ')) await name.set(context, context.activity.text.slice(5));
          await context.sendActivity(`${count} ${await name.get(context, '?')}`);
          await conversationState.saveChanges(context);
          await userState.saveChanges(context);
        });
        let flow = adapter.send('I am Alex').assertReply(expectedReplies[0] ?? '');
        for (const reply of expectedReplies.slice(1)) flow = flow.send('hello').assertReply(reply);
        await flow;
      };

      await runTurns(['1 Alex', '2 Alex']);
      await storage.close();
      storage = SqliteStorage.open(file());
      await runTurns(['3 Alex', '4 Alex']);
    });
  });

  describe('locks, shared access (a lock per statement)', () => {
    const lockDir = (): string => `${file()}.lock`;
    afterEach(() => fs.rmSync(lockDir(), { recursive: true, force: true }));

    it('waits for a lock held by a live connection, then reports the database as locked', async () => {
      await storage.close();
      storage = SqliteStorage.open(file(), { access: 'shared', busyTimeoutMs: 50 });
      fs.mkdirSync(lockDir());
      await assert.rejects(storage.write({ k: { n: 1 } }), /database is locked/);
    });

    it('removes a lock left behind by a dead process and carries on', async () => {
      await storage.close();
      storage = SqliteStorage.open(file(), { access: 'shared', busyTimeoutMs: 50, staleLockMs: 1_000 });
      fs.mkdirSync(lockDir());
      const longAgo = new Date(Date.now() - 60_000);
      fs.utimesSync(lockDir(), longAgo, longAgo);
      await storage.write({ k: { n: 1 } });
      assert.equal((await storage.read(['k']))['k'].n, 1);
      assert.equal(fs.existsSync(lockDir()), false);
    });
  });

  describe('exclusive access (the default)', () => {
    it('holds the lock and the write-ahead log while open, and leaves only the database file once closed', async () => {
      await storage.write({ k: { n: 1 } });
      assert.ok(fs.existsSync(`${file()}.lock`), 'the lock is held for as long as the file is open');
      assert.ok(fs.existsSync(`${file()}-wal`), 'commits go to the write-ahead log');
      await storage.close();
      assert.deepEqual(fs.readdirSync(path.dirname(file())), ['state.sqlite']);
      storage = SqliteStorage.open(file());
      assert.equal((await storage.read(['k']))['k'].n, 1);
    });

    it('serves a second open in the same process through the same connection, until the last close', async () => {
      const second = SqliteStorage.open(file());
      await second.write({ k: { n: 2 } });
      assert.equal((await storage.read(['k']))['k'].n, 2);
      await second.close();
      await storage.write({ k: { n: 3 } });
      assert.equal((await storage.read(['k']))['k'].n, 3);
      await assert.rejects(second.read(['k']), /closed/, 'the closed handle refuses, the other goes on');
    });

    it('refuses to open the same file for shared access in the same process', () => {
      assert.throws(() => SqliteStorage.open(file(), { access: 'shared' }), /already open in this process for exclusive access/);
    });

    it('opens a file last used with shared access, and the other way round, keeping its items', async () => {
      await storage.write({ k: { n: 1 } });
      await storage.close();
      storage = SqliteStorage.open(file(), { access: 'shared' });
      assert.equal((await storage.read(['k']))['k'].n, 1);
      assert.equal(fs.existsSync(`${file()}.lock`), false, 'shared access holds no lock between statements');
      await storage.write({ k: { n: 2 } });
      await storage.close();
      storage = SqliteStorage.open(file());
      assert.equal((await storage.read(['k']))['k'].n, 2);
    });
  });
});

async function attemptWrite(subject: Storage, testCase: ETagCase): Promise<'stored' | 'conflict'> {
  if (testCase.existing === 'present') await subject.write({ k: { value: 'old' } });
  const current = (await subject.read(['k']))['k'] as { eTag?: string } | undefined;
  try {
    await subject.write({ k: { value: 'new', ...eTagFor(testCase.eTag, current?.eTag) } });
  } catch {
    assert.equal((await subject.read(['k']))['k'].value, 'old');
    return 'conflict';
  }
  const stored = (await subject.read(['k']))['k'] as { value: string; eTag: string };
  assert.equal(stored.value, 'new');
  assert.notEqual(stored.eTag, current?.eTag);
  return 'stored';
}
