import type { DataConverter } from '@temporalio/common';
import { AesGcmPayloadCodec } from './codec.js';
import { type CodecKeys, loadCodecKeys } from './codec-key.js';

/** The data converter every client and worker of MicroStax uses: default JSON, then AES-256-GCM. */
export function createDataConverter(keys: CodecKeys): DataConverter {
  return { payloadCodecs: [new AesGcmPayloadCodec(keys.current, keys.previous)] };
}

/** Loads the keys (MICROSTAX_CODEC_KEY or MICROSTAX_CODEC_KEY_FILE) and builds the data converter. */
export async function loadDataConverter(env: NodeJS.ProcessEnv = process.env): Promise<DataConverter> {
  return createDataConverter(await loadCodecKeys(env));
}
