// PDF documents with Chinese text: pdfkit with Noto Sans SC from its npm package. The fonts are parsed once per
// process (fontkit) and shared by every document; pdfkit embeds only the glyphs a document uses (a subset). pdfkit and
// fontkit are loaded at the first document, not with the server: 27 MB an instance that prints nothing need not hold.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import type * as Fontkit from 'fontkit';

const require = createRequire(import.meta.url);

type FontkitFont = ReturnType<typeof Fontkit.create>;
let loaded: Promise<{ PDFDocument: typeof import('pdfkit'); regular: FontkitFont; bold: FontkitFont }> | null = null;

/** pdfkit with Noto Sans SC regular and bold, loaded and parsed at the first use. */
export function pdfkitWithFonts() {
  loaded ??= (async () => {
    const [{ default: PDFDocument }, fontkit] = await Promise.all([import('pdfkit'), import('fontkit')]);
    const font = (file: string) => fontkit.create(fs.readFileSync(require.resolve(`@expo-google-fonts/noto-sans-sc/${file}`)));
    return { PDFDocument, regular: font('400Regular/NotoSansSC_400Regular.ttf'), bold: font('700Bold/NotoSansSC_700Bold.ttf') };
  })().catch((error: unknown) => {
    loaded = null; // the next document tries again
    throw error;
  });
  return loaded;
}

/** An A4 document with the Chinese fonts registered as `regular` and `bold`. */
export async function a4Document(info: { title: string }): Promise<PDFKit.PDFDocument> {
  const { PDFDocument, regular, bold } = await pdfkitWithFonts();
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: info.title, Producer: '医师定期考核信息登记管理系统' } });
  // pdfkit accepts a parsed fontkit font (anything with `layout`); its types know only paths and buffers.
  doc.registerFont('regular', regular as unknown as Buffer);
  doc.registerFont('bold', bold as unknown as Buffer);
  return doc;
}
