import { LanguageSwitch } from '@bc/schema';
import type { ReactNode } from 'react';
import { ConnectionStatus } from './ConnectionStatus';

/**
 * Full-screen dark frame of the call display: a header (office and clock), the main area, and a footer with the
 * connection status and the language switch. No skip link: nothing focusable comes before the main area.
 * `banner` sits above the main content (the sound switch until sound is on).
 */
export function DisplayFrame(props: {
  header: ReactNode;
  children: ReactNode;
  connectionLost?: boolean;
  banner?: ReactNode;
}) {
  return (
    <div className="tr-display tr-display--screen" data-kern-theme="dark">
      <header className="tr-display__header">{props.header}</header>
      <main id="main" tabIndex={-1} className="tr-display__main">
        {props.banner}
        {props.children}
      </main>
      <footer className="tr-display__footer">
        <ConnectionStatus lost={props.connectionLost ?? false} />
        <LanguageSwitch />
      </footer>
    </div>
  );
}
