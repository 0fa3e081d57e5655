import { screen } from '@testing-library/react';
import {
  forbidden,
  ledgerBackups,
  ledgerDrills,
  ledgerSlos,
  ledgerTrend,
  mockApi,
  pending,
  renderForEntity,
  verdict,
} from '../../__testUtils__/reliability';
import { EntityReliabilityContent } from './EntityReliabilityContent';

describe('EntityReliabilityContent', () => {
  it('shows progress until the SLOs are read', async () => {
    renderForEntity(
      <EntityReliabilityContent />,
      mockApi({ getEntitySlos: jest.fn(() => pending()) }),
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('says what feeds each card of an entity with no record yet', async () => {
    const api = mockApi();
    renderForEntity(<EntityReliabilityContent />, api);
    expect(
      await screen.findByText('No SLOs for this entity yet'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No perf runs published yet'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No release gate decisions yet'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No backup verifications yet'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No DR drills recorded for this entity'),
    ).toBeInTheDocument();
    const entity = { kind: 'component', namespace: 'default', name: 'ledger' };
    expect(api.getEntitySlos).toHaveBeenCalledWith(entity);
    expect(api.getEntityDrills).toHaveBeenCalledWith(entity);
    expect(api.getEntityBackups).toHaveBeenCalledWith(entity);
    expect(api.listGateVerdicts).toHaveBeenCalledWith(entity, { limit: 10 });
  });

  it('shows every card of the record', async () => {
    renderForEntity(
      <EntityReliabilityContent />,
      mockApi({
        getEntitySlos: jest.fn(async () => ledgerSlos),
        getEntityTrend: jest.fn(async () => ledgerTrend),
        getEntityDrills: jest.fn(async () => ledgerDrills()),
        getEntityBackups: jest.fn(async () => ledgerBackups),
        listGateVerdicts: jest.fn(async () => ({
          items: [verdict('v1', '2026.11.4', 'fail')],
        })),
      }),
    );
    expect(
      await screen.findAllByText('Journal entry posting latency'),
    ).toHaveLength(2);
    expect(
      await screen.findByRole('group', { name: 'Perf trend chart' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Perf runs' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Run comparison')).toBeInTheDocument();
    expect(screen.getByText('Regression verdict')).toBeInTheDocument();
    expect(
      await screen.findByRole('table', { name: 'Release gate verdicts' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('table', { name: 'Backup verification' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('table', { name: 'DR drills' }),
    ).toBeInTheDocument();
  });

  it('tells callers without access once that the record is internal', async () => {
    const refuse = () =>
      jest.fn(async () => {
        throw forbidden();
      });
    const api = mockApi({
      getEntitySlos: refuse(),
      getEntityTrend: refuse(),
      getEntityDrills: refuse(),
      getEntityBackups: refuse(),
      listGateVerdicts: refuse(),
    });
    renderForEntity(<EntityReliabilityContent />, api);
    expect(
      await screen.findByText('This reliability record is internal'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText('This reliability record is internal'),
    ).toHaveLength(1);
    expect(api.getEntityTrend).not.toHaveBeenCalled();
  });

  it('shows why the SLOs could not be read and still shows the other cards', async () => {
    renderForEntity(
      <EntityReliabilityContent />,
      mockApi({
        getEntitySlos: jest.fn(async () => {
          throw new Error(
            'The OpenSLO files of component:default/ledger could not be read',
          );
        }),
      }),
    );
    expect(
      (
        await screen.findAllByText(
          /OpenSLO files of component:default\/ledger could not be read/,
        )
      ).length,
    ).toBeGreaterThan(0);
    expect(
      await screen.findByText('No perf runs published yet'),
    ).toBeInTheDocument();
  });
});
