import { StatusPanel } from './StatusPanel.tsx';

export function App() {
  return (
    <>
      <header className="site-header">
        <div className="wrap">
          <h1>Atelier</h1>
          <p className="tagline">
            Your team and its AI agents share one live understanding of the code.
          </p>
        </div>
      </header>
      <main className="wrap">
        <StatusPanel />
      </main>
    </>
  );
}
