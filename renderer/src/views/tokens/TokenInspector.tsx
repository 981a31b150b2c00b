/**
 * Paste or drop a token (or a token file) to see it decoded and judged. The textarea is cleared
 * as soon as the text is decoded: only the redacted form and the decoded claims stay in state.
 */
import { useState } from 'react';
import { decodePasted, type Inspected } from './decode-pasted';
import { TokenDetails } from './TokenDetails';

export function TokenInspector() {
  const [text, setText] = useState('');
  const [results, setResults] = useState<Inspected[] | null>(null);
  const [error, setError] = useState('');

  async function decode(raw: string) {
    setText('');
    setError('');
    try {
      const r = await decodePasted(raw);
      setResults(r);
      if (!r.length) setError('No token found in that text.');
    } catch (e) {
      setResults(null);
      setError(`Could not decode: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return (
    <section className="token-inspector" data-testid="token-inspector">
      <h3>Token inspector</h3>
      <div className="inspector-input">
        <textarea
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            const f = e.dataTransfer.files[0];
            if (!f) return;
            // A token file dropped here is inspected, not imported into the case.
            e.preventDefault();
            e.stopPropagation();
            void f.text().then(decode);
          }}
          data-testid="token-input"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Paste a token (JWT, Vault, macaroon…) or drop a token file here. It is decoded on this machine, then cleared; only its redacted form is kept."
          rows={3}
          spellCheck={false}
          autoComplete="off"
        />
        <button type="button" className="primary" data-testid="token-decode" disabled={!text.trim()} onClick={() => void decode(text)}>
          Decode
        </button>
      </div>
      {error && <p className="error">{error}</p>}
      {results?.map((r) => (
        <TokenDetails key={r.token.fp} token={r.token} findings={r.findings} />
      ))}
    </section>
  );
}
