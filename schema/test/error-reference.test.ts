import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { errorReference } from '../src/error-reference.js';

const internal = {
  message: 'Something went wrong on our side. Please try again.',
  extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427' },
};

describe('errorReference', () => {
  it('finds the correlation id of an unexpected error in GraphQL errors', () => {
    const error = new CombinedGraphQLErrors({
      errors: [{ message: 'x', extensions: { code: 'FORBIDDEN' } }, internal],
    });
    expect(errorReference(error)).toBe('1b4e28ba-2fa1-41d2-883f-0016d3cca427');
  });

  it('finds it in the body of a failed HTTP response too (plain application/json)', () => {
    const bodyText = JSON.stringify({ errors: [internal] });
    const error = new ServerError('500', { response: new Response(bodyText, { status: 500 }), bodyText });
    expect(errorReference(error)).toBe('1b4e28ba-2fa1-41d2-883f-0016d3cca427');
  });

  it('is undefined for errors without one', () => {
    expect(errorReference(new CombinedGraphQLErrors({ errors: [{ message: 'x' }] }))).toBeUndefined();
    const html = new ServerError('502', { response: new Response('<html>', { status: 502 }), bodyText: '<html>' });
    expect(errorReference(html)).toBeUndefined();
    expect(errorReference(new TypeError('Failed to fetch'))).toBeUndefined();
    expect(errorReference(undefined)).toBeUndefined();
  });
});
