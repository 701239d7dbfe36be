import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite (WASM), the pg driver and transformers.js must be loaded by Node, not bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-pgvector",
    "@electric-sql/pglite-socket",
    "@huggingface/transformers",
    "onnxruntime-node",
    "pg",
  ],
  poweredByHeader: false,
  // `npm run typecheck` (tsc over the whole project: app, lib, tests, bench) is its own CI step;
  // checking the app's subset again inside every build only costs time.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
