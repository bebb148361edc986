/** What an OCR engine gives for one picture: words with their boxes (pixels) and confidence (0..100). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrSymbol {
  text: string;
  confidence: number;
  bbox: Box;
}

export interface OcrWord {
  text: string;
  confidence: number;
  bbox: Box;
  /** The word's glyphs, when the engine gives them (digit-level confidence). */
  symbols?: OcrSymbol[];
}
