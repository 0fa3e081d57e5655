import { ConnectedSourceRegistry } from './sources';

describe('ConnectedSourceRegistry', () => {
  it('connects every source in the order added, and refuses a name twice', async () => {
    const registry = new ConnectedSourceRegistry<string>('A family source');
    const connected: string[] = [];
    const source = (name: string) => ({
      name,
      connect: async (target: string) => {
        connected.push(`${name}:${target}`);
      },
    });
    registry.add(source('first'));
    registry.add(source('second'));
    expect(() => registry.add(source('first'))).toThrow(
      'A family source named first was added twice',
    );
    await registry.connectAll('services');
    expect(connected).toEqual(['first:services', 'second:services']);
  });
});
