import { useApolloClient } from '@apollo/client/react';
import { useEffect, useState } from 'react';

/**
 * A number that changes each time the Apollo store is cleared (sign-out). Used as a React key, it remounts
 * the pages so that no component keeps showing data of the session that ended: `clearStore()` empties the
 * cache but leaves mounted queries with their last result.
 */
export function useStoreGeneration(): number {
  const client = useApolloClient();
  const [generation, setGeneration] = useState(0);
  useEffect(
    () =>
      client.onClearStore(async () => {
        setGeneration((g) => g + 1);
      }),
    [client],
  );
  return generation;
}
