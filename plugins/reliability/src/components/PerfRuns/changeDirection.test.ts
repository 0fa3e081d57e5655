import { changeVerdict } from './changeDirection';

describe('changeVerdict', () => {
  it('takes higher latency and error rates as worse', () => {
    expect(changeVerdict('http_req_duration', 'p(95)', 10)).toBe('worse');
    expect(changeVerdict('http_req_duration', 'p(99)', -10)).toBe('better');
    expect(changeVerdict('http_req_failed', 'rate', 0.01)).toBe('worse');
    expect(changeVerdict('errors', 'rate', -0.01)).toBe('better');
  });

  it('takes more passing checks as better and says nothing of other rates', () => {
    expect(changeVerdict('checks', 'rate', 0.01)).toBe('better');
    expect(changeVerdict('cache_hits', 'rate', 0.01)).toBe('neutral');
    expect(changeVerdict('http_req_duration', 'p(95)', 0)).toBe('neutral');
  });
});
