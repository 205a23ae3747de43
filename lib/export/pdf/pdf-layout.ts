// The printable area of the current page (A4 minus the margins; the footer lives in the bottom margin).
export function pdfLayout(pdf: PDFKit.PDFDocument) {
  const { margins, width, height } = pdf.page;
  return { left: margins.left, top: margins.top, width: width - margins.left - margins.right, bottom: height - margins.bottom };
}
