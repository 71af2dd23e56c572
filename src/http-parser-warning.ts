/**
 * restify 11 reads Node's HTTP parser through `process.binding('http_parser')`, which Node
 * deprecates (DEP0111) with a warning on every load. This drops exactly that warning: any other
 * warning, any other DEP0111 (another binding) and every other deprecation still print. Imported
 * before restify (src/server.ts), so it holds wherever the server runs: npm start, App Service, tests.
 */
const FILTERED = Symbol.for('deploy-securely.http-parser-warning');

type EmitWarning = typeof process.emitWarning;

/** Whether a warning is restify's access to the deprecated HTTP parser binding. */
export function isHttpParserDeprecation(warning: unknown, rest: unknown[]): boolean {
  const [typeOrOptions, code] = rest;
  const options =
    typeof typeOrOptions === 'object' && typeOrOptions !== null
      ? (typeOrOptions as { code?: unknown })
      : undefined;
  const warningCode = options ? options.code : code;
  const text = warning instanceof Error ? warning.message : String(warning);
  return warningCode === 'DEP0111' && text.includes("process.binding('http_parser')");
}

function install(): void {
  const holder = process as unknown as Record<symbol, boolean>;
  if (holder[FILTERED]) return;
  holder[FILTERED] = true;
  const original: EmitWarning = process.emitWarning.bind(process);
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (isHttpParserDeprecation(warning, rest)) return;
    (original as (w: string | Error, ...r: unknown[]) => void)(warning, ...rest);
  }) as EmitWarning;
}

install();
