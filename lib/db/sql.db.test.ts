import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { inTwoTripTransaction, type PreparedStatement } from './sql';
import { createTestDatabase, type TestDatabase } from './test-database';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.drop());

const TWICE: PreparedStatement = { key: 'test_twice', types: ['int'], text: 'SELECT $1 * 2 AS twice' };

describe('inTwoTripTransaction', () => {
  it('hands each message the results of its own statements only, prepared ones included', async () => {
    for (let round = 0; round < 2; round++) {
      const seen: unknown[][] = [];
      const closed = await inTwoTripTransaction(
        test.pool,
        (execute) => `SELECT 1 AS one; ${execute(TWICE, ['21'])}`,
        (opened, execute) => {
          seen.push(opened.map((result) => result.rows));
          return `${execute(TWICE, ['5'])}; SELECT 'x' AS x`;
        },
      );
      // The first round prepares the statement, the second only runs it: the results are the same.
      expect(seen).toEqual([[[{ one: 1 }], [{ twice: 42 }]]]);
      expect(closed.map((result) => result.rows)).toEqual([[{ twice: 10 }], [{ x: 'x' }]]);
    }
  });

  it('rolls back and passes on an error that is not about prepared statements', async () => {
    await test.pool.query('CREATE TABLE two_trip_probe (n int PRIMARY KEY)');
    await expect(
      inTwoTripTransaction(
        test.pool,
        () => 'INSERT INTO two_trip_probe VALUES (1)',
        () => 'INSERT INTO two_trip_probe VALUES (1)',
      ),
    ).rejects.toMatchObject({ code: '23505' });
    expect((await test.pool.query('SELECT count(*)::int AS n FROM two_trip_probe')).rows).toEqual([{ n: 0 }]);
  });
});
