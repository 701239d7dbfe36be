import type { Embedder } from "@/lib/ml/types";
import { hfCallOptions, type HfSettings } from "@/lib/ml/providers/huggingface-client";

const DIMS = 384;

/** Flattens the API's shapes (one text → number[], several → number[][]) into one vector per text. */
function toVectors(output: unknown, count: number): number[][] {
  if (!Array.isArray(output)) throw new Error("feature-extraction returned no array");
  const rows = count === 1 && typeof output[0] === "number" ? [output as number[]] : (output as unknown[]);
  if (rows.length !== count) throw new Error(`feature-extraction returned ${rows.length} vectors for ${count} texts`);
  return rows.map((row) => {
    if (!Array.isArray(row) || row.length !== DIMS || row.some((x) => typeof x !== "number" || !Number.isFinite(x))) {
      throw new Error(`feature-extraction returned a vector that is not ${DIMS} finite numbers (is the model a 384-dimension sentence-transformer?)`);
    }
    return row as number[];
  });
}

/** Sentence embeddings from the Hugging Face Inference API (feature extraction), e.g. all-MiniLM-L6-v2. */
export class HuggingFaceEmbedder implements Embedder {
  readonly dimensions = DIMS;
  readonly model: string;

  constructor(
    private readonly hf: HfSettings,
    private readonly modelId: string,
    private readonly batchSize = 32,
  ) {
    this.model = `hf:${modelId}`;
  }

  async embed(texts: string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      const batch = texts.slice(i, i + this.batchSize);
      const result = await this.hf.client.featureExtraction(
        { model: this.modelId, endpointUrl: this.hf.endpointFor(this.modelId, "feature-extraction"), inputs: batch },
        hfCallOptions(this.hf.timeoutMs),
      );
      out.push(...toVectors(result, batch.length));
    }
    return out;
  }
}
