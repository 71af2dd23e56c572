// A bot process that does nothing but save one engagement over and over, to be killed mid-write.
// Usage: node embedded-writer-child.js <compiled embedded.js> <data dir> <engagement id>
// Prints "saved <n>" after the n-th replace has resolved.
const [embeddedModule, dataDir, engagementId] = process.argv.slice(2);

async function main() {
  const { pathToFileURL } = await import('node:url');
  // The compiled module is CommonJS: its exports are the default export of import().
  const { openEmbeddedStore } = (await import(pathToFileURL(embeddedModule).href)).default;
  const store = await openEmbeddedStore({ dataDir });
  let current = await store.get(engagementId);
  // A large document, so that each write takes long enough to be caught in the middle.
  const filler = 'x'.repeat(400000);
  for (let n = 1; ; n++) {
    const engagement = {
      ...current.engagement,
      customer: `version ${n}`,
      filler: `${n}:${filler}`,
    };
    current = await store.replace(engagement, current.etag);
    process.stdout.write(`saved ${n}\n`);
  }
}

main().catch((err) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
