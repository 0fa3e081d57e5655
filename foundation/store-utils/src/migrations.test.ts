import { Knex } from 'knex';
import { migratedClient } from './migrations';

function fakeDatabase(latest: jest.Mock, skip = false) {
  const client = { migrate: { latest } } as unknown as Knex;
  return {
    client,
    database: {
      getClient: async () => client,
      ...(skip && { migrations: { skip: true } }),
    },
  };
}

describe('migratedClient', () => {
  it('migrates once per client and directory, however many stores ask', async () => {
    const latest = jest.fn(async () => [1, []]);
    const { client, database } = fakeDatabase(latest);
    const clients = await Promise.all([
      migratedClient(database, '/plugin/migrations'),
      migratedClient(database, '/plugin/migrations'),
      migratedClient(database, '/plugin/migrations'),
    ]);
    expect(clients).toEqual([client, client, client]);
    expect(latest).toHaveBeenCalledTimes(1);
    expect(latest).toHaveBeenCalledWith({ directory: '/plugin/migrations' });
    await migratedClient(database, '/other/migrations');
    expect(latest).toHaveBeenCalledTimes(2);
  });

  it('leaves migrations to the deployment when told to', async () => {
    const latest = jest.fn();
    const { database } = fakeDatabase(latest, true);
    await migratedClient(database, '/plugin/migrations');
    expect(latest).not.toHaveBeenCalled();
  });

  it('tries a failed migration again', async () => {
    const latest = jest
      .fn()
      .mockRejectedValueOnce(new Error('lock timeout'))
      .mockResolvedValue([1, []]);
    const { database } = fakeDatabase(latest);
    await expect(
      migratedClient(database, '/plugin/migrations'),
    ).rejects.toThrow('lock timeout');
    await migratedClient(database, '/plugin/migrations');
    expect(latest).toHaveBeenCalledTimes(2);
  });
});
