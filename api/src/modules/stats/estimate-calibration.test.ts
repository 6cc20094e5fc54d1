import { describe, expect, it } from 'vitest';
import { estimateAccuracy, type IssuedEstimate, shownRange } from './estimate-calibration.js';

const at = (hhmm: string) => Date.parse(`2027-03-01T${hhmm}:00Z`);
const told = (expected: string, earliest: string, latest: string): IssuedEstimate => ({
  expectedCallAt: at(expected),
  earliestCallAt: at(earliest),
  latestCallAt: at(latest),
});

describe('estimate accuracy', () => {
  it('gives the mean absolute error, the bias and the share called inside the range', () => {
    const accuracy = estimateAccuracy([
      // 6 minutes late, outside the range.
      { issuedEstimate: told('08:10', '08:05', '08:15'), arrivedAt: at('07:30'), firstCalledAt: at('08:16') },
      // 2 minutes early, inside.
      { issuedEstimate: told('08:20', '08:15', '08:25'), arrivedAt: at('07:30'), firstCalledAt: at('08:18') },
      // On the late edge: inside.
      { issuedEstimate: told('08:30', '08:25', '08:35'), arrivedAt: at('07:30'), firstCalledAt: at('08:35') },
      // On the early edge: inside.
      { issuedEstimate: told('08:40', '08:31', '08:50'), arrivedAt: at('07:30'), firstCalledAt: at('08:31') },
    ]);
    // Errors +6, −2, +5, −9: |e| mean 22/4, mean 0/4.
    expect(accuracy).toEqual({ count: 4, meanAbsoluteError: 5.5, bias: 0, insideRange: 0.75 });
  });

  it('says whether visitors were called later or earlier than told', () => {
    const late = estimateAccuracy([
      { issuedEstimate: told('08:10', '08:05', '08:15'), arrivedAt: at('07:30'), firstCalledAt: at('08:13') },
      { issuedEstimate: told('08:10', '08:05', '08:15'), arrivedAt: at('07:30'), firstCalledAt: at('08:14') },
    ]);
    expect(late).toEqual({ count: 2, meanAbsoluteError: 3.5, bias: 3.5, insideRange: 1 });
    const early = estimateAccuracy([
      { issuedEstimate: told('08:10', '08:09', '08:15'), arrivedAt: at('07:30'), firstCalledAt: at('08:04') },
    ]);
    expect(early).toEqual({ count: 1, meanAbsoluteError: 6, bias: -6, insideRange: 0 });
  });

  it('leaves out tickets without an estimate at issue or never called, and rounds for people', () => {
    const accuracy = estimateAccuracy([
      { issuedEstimate: null, arrivedAt: at('07:30'), firstCalledAt: at('08:00') },
      { issuedEstimate: told('08:10', '08:05', '08:15'), arrivedAt: at('07:30'), firstCalledAt: null },
      { issuedEstimate: told('08:10', '08:05', '08:15'), arrivedAt: at('07:30'), firstCalledAt: at('08:10') + 20_000 },
      { issuedEstimate: told('08:10', '08:05', '08:15'), arrivedAt: at('07:30'), firstCalledAt: at('08:10') },
      { issuedEstimate: told('08:10', '08:05', '08:15'), arrivedAt: at('07:30'), firstCalledAt: at('08:16') },
    ]);
    // Errors 1/3, 0 and 6 minutes: the mean 2.11… is rounded to 0.1 minutes, the share 2/3 to 0.001.
    expect(accuracy).toEqual({ count: 3, meanAbsoluteError: 2.1, bias: 2.1, insideRange: 0.667 });
  });

  it('judges the range as the tracking page showed it: whole five minutes, "in a few minutes" as the next five', () => {
    // Shown as 08:05–08:15: called 08:07 is inside though before the estimator's 08:09.
    expect(shownRange(told('08:10', '08:09', '08:12'), at('07:30'))).toEqual({ from: at('08:05'), to: at('08:15') });
    // A free counter: the estimate is the issue moment itself, shown as "in a few minutes".
    expect(shownRange(told('08:00', '08:00', '08:00'), at('08:00'))).toEqual({ from: at('08:00'), to: at('08:05') });
    // Never before the issue, even when the estimator's early end is.
    expect(shownRange(told('08:30', '07:50', '08:41'), at('08:02'))).toEqual({ from: at('08:00'), to: at('08:45') });
    const accuracy = estimateAccuracy([
      { issuedEstimate: told('08:00', '08:00', '08:00'), arrivedAt: at('08:00'), firstCalledAt: at('08:00') + 30_000 },
      { issuedEstimate: told('08:00', '08:00', '08:00'), arrivedAt: at('08:00'), firstCalledAt: at('08:06') },
    ]);
    expect(accuracy.insideRange).toBe(0.5);
  });

  it('has no numbers without counted tickets', () => {
    expect(estimateAccuracy([])).toEqual({ count: 0, meanAbsoluteError: null, bias: null, insideRange: null });
  });
});
