import type { CardRule } from './types';

/** Rules of the Hugging Face dataset card: its sections (MLG2xx) and its metadata (MLG3xx), profile `huggingface`, in id order. Adding a rule is one line here. */
export const huggingFaceRules: readonly CardRule[] = [];
