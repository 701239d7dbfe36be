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
};

export default nextConfig;
