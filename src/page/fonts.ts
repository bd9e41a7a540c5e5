/**
 * The scenes' fonts, loaded before the first frame: canvas text drawn before a face has loaded
 * falls back to another font, and the frames would differ between runs. The render page and
 * the editor's exporter both wait for these.
 */
import {fonts} from '../shared/theme';

// Every glyph the scenes draw, so each font subset is loaded before the first frame (→√≈₀–₉:
// scenes/mathFallback.css's faces).
const GLYPHS =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzÄÖÜäöüß0123456789.,:;!?()[]{}<>+-=×·\u2212\u2007%/\'’"|_Σⱼᵀ→√≈₀₁₂₃₄₅₆₇₈₉';

/** Resolves once every face the scenes use has loaded; throws naming the faces that did not. */
export async function loadSceneFonts(): Promise<void> {
  const faces = [`400 18px "${fonts.mono}"`, `600 18px "${fonts.mono}"`, `400 20px "${fonts.sans}"`, `600 28px "${fonts.sans}"`];
  await Promise.all(faces.map(face => document.fonts.load(face, GLYPHS)));
  const missing = faces.filter(face => !document.fonts.check(face, GLYPHS));
  if (missing.length > 0) throw new Error(`fonts did not load: ${missing.join(', ')}`);
}
