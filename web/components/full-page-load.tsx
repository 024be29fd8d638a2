import { useEffect } from 'react';
import { PageLoader } from './page-loader.js';

/**
 * A route the server answers with a page of its own (the officer's light entry form, web/measure-entry): an
 * in-app link that lands here loads that page from the server at the same address.
 */
export function FullPageLoad() {
  useEffect(() => {
    window.location.reload();
  }, []);
  return <PageLoader />;
}
