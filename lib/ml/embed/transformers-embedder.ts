import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Embedder } from "@/lib/ml/types";

const DIMS = 384;

/** Why the local model cannot be used; the registry then falls back to the next provider. */
export class TransformersUnavailableError extends Error {
  override name = "TransformersUnavailableError";
}

/**
 * Checks a transformers.js model folder (the layout of Xenova/all-MiniLM-L6-v2: config.json,
 * tokenizer.json, onnx/model*.onnx) without loading it.
 */
export function checkModelDir(dir: string): string | undefined {
  if (!existsSync(dir)) return `model folder ${dir} does not exist`;
  for (const f of ["config.json", "tokenizer.json"]) if (!existsSync(path.join(dir, f))) return `model folder ${dir} has no ${f}`;
  const onnx = path.join(dir, "onnx");
  const hasOnnx = existsSync(onnx) && readdirSync(onnx).some((f) => f.endsWith(".onnx"));
  return hasOnnx ? undefined : `model folder ${dir} has no onnx/*.onnx weights`;
}

type Extractor = (texts: string[], opts: { pooling: "mean"; normalize: boolean }) => Promise<{ tolist(): number[][] }>;

/**
 * all-MiniLM-L6-v2 run locally through transformers.js (ONNX Runtime). Loaded lazily, once; remote
 * downloads only when TRANSFORMERS_ALLOW_REMOTE is set (they cannot work on an offline machine).
 */
export class TransformersEmbedder implements Embedder {
  readonly dimensions = DIMS;
  readonly model: string;
  private extractor?: Promise<Extractor>;

  constructor(
    private readonly modelDir: string | undefined,
    private readonly allowRemote: boolean,
    private readonly remoteModelId = "Xenova/all-MiniLM-L6-v2",
  ) {
    this.model = `transformers:${modelDir ? path.basename(path.resolve(modelDir)) : remoteModelId}`;
  }

  /** Loads the model now, so a missing or broken model is found at selection time, not mid-pipeline. */
  async load(): Promise<void> {
    await this.pipeline();
  }

  private pipeline(): Promise<Extractor> {
    this.extractor ??= this.create();
    return this.extractor;
  }

  private async create(): Promise<Extractor> {
    let modelId = this.remoteModelId;
    let localRoot: string | undefined;
    if (this.modelDir) {
      const problem = checkModelDir(path.resolve(this.modelDir));
      if (problem && !this.allowRemote) throw new TransformersUnavailableError(problem);
      if (!problem) {
        const resolved = path.resolve(this.modelDir);
        localRoot = path.dirname(resolved);
        modelId = path.basename(resolved);
      }
    } else if (!this.allowRemote) {
      throw new TransformersUnavailableError("TRANSFORMERS_MODEL_DIR is not set and TRANSFORMERS_ALLOW_REMOTE is off");
    }
    const t = await import("@huggingface/transformers");
    t.env.allowRemoteModels = this.allowRemote;
    t.env.allowLocalModels = !!localRoot;
    if (localRoot) t.env.localModelPath = localRoot;
    try {
      const pipe = await t.pipeline("feature-extraction", modelId, { dtype: "fp32" });
      return pipe as unknown as Extractor;
    } catch (err) {
      throw new TransformersUnavailableError(`transformers.js could not load ${modelId}: ${(err as Error).message}`);
    }
  }

  async embed(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    const extractor = await this.pipeline();
    const output = await extractor(texts, { pooling: "mean", normalize: true });
    const rows = output.tolist();
    for (const r of rows) if (r.length !== DIMS) throw new Error(`model produced ${r.length}-dimension vectors, expected ${DIMS}`);
    return rows;
  }
}
