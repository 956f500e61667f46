// PDF documents with Chinese text: pdfkit with Noto Sans SC from its npm package. The fonts are parsed once per
// process (fontkit) and shared by every document; pdfkit embeds only the glyphs a document uses (a subset).
import { createRequire } from 'node:module';
import fs from 'node:fs';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);

type FontkitFont = ReturnType<typeof fontkit.create>;
let fonts: { regular: FontkitFont; bold: FontkitFont } | null = null;

function loadFont(file: string): FontkitFont {
  return fontkit.create(fs.readFileSync(require.resolve(`@expo-google-fonts/noto-sans-sc/${file}`)));
}

/** Noto Sans SC regular and bold, parsed at the first use. */
export function chineseFonts() {
  fonts ??= { regular: loadFont('400Regular/NotoSansSC_400Regular.ttf'), bold: loadFont('700Bold/NotoSansSC_700Bold.ttf') };
  return fonts;
}

/** An A4 document with the Chinese fonts registered as `regular` and `bold`. */
export function a4Document(info: { title: string }): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: info.title, Producer: '医师定期考核信息登记管理系统' } });
  const { regular, bold } = chineseFonts();
  // pdfkit accepts a parsed fontkit font (anything with `layout`); its types know only paths and buffers.
  doc.registerFont('regular', regular as unknown as Buffer);
  doc.registerFont('bold', bold as unknown as Buffer);
  return doc;
}
