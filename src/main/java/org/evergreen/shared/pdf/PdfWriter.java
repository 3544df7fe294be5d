package org.evergreen.shared.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.jfree.chart.JFreeChart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Lays text, rows and charts down A4 pages from the top, starting a new page when one is full. */
public final class PdfWriter {

    private static final float MARGIN = 56;
    private static final float CHART_SCALE = 1.5f;

    public static final Color GREEN = new Color(0x1f, 0x7a, 0x4d);

    private final PDDocument document;
    private final PDType0Font font;
    private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private PDPageContentStream content;
    private float y;

    PdfWriter(PDDocument document, PDType0Font font) throws IOException {
        this.document = document;
        this.font = font;
        newPage();
    }

    public void text(String text, float size, Color color) throws IOException {
        for (String line : wrap(plainSpaces(text), size, width)) {
            room(size * 1.5f);
            show(line, MARGIN, size, color);
            y -= size * 1.5f;
        }
    }

    /** One line of cells, each starting at its column's offset (the first at the margin). */
    public void row(List<String> cells, float[] columnOffsets, float size) throws IOException {
        room(size * 1.6f);
        for (int i = 0; i < cells.size(); i++) {
            float x = MARGIN + (i == 0 ? 0 : columnOffsets[i - 1]);
            float next = i < columnOffsets.length ? MARGIN + columnOffsets[i] : MARGIN + width;
            show(fit(plainSpaces(cells.get(i)), size, next - x - 6), x, size, Color.BLACK);
        }
        y -= size * 1.6f;
    }

    public void space(float points) {
        y -= points;
    }

    public void chart(JFreeChart chart, float height) throws IOException {
        room(height + 6);
        BufferedImage image = new BufferedImage(Math.round(width * CHART_SCALE), Math.round(height * CHART_SCALE), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.scale(CHART_SCALE, CHART_SCALE);
        chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
        graphics.dispose();
        PDImageXObject picture = LosslessFactory.createFromImage(document, image);
        content.drawImage(picture, MARGIN, y - height, width, height);
        y -= height + 6;
    }

    void close() throws IOException {
        content.close();
    }

    private void show(String text, float x, float size, Color color) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.setNonStrokingColor(color);
        content.newLineAtOffset(x, y - size);
        content.showText(text);
        content.endText();
    }

    private void room(float needed) throws IOException {
        if (y - needed < MARGIN) {
            content.close();
            newPage();
        }
    }

    private void newPage() throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    /** Every kind of space as a plain one: formats put narrow no-break spaces in English times, which the font lacks. */
    private static String plainSpaces(String text) {
        return text.codePoints().map(codePoint -> Character.isSpaceChar(codePoint) ? ' ' : codePoint)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private float widthOf(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** The text cut to the width, ending in an ellipsis if it was cut. */
    private String fit(String text, float size, float maxWidth) throws IOException {
        if (widthOf(text, size) <= maxWidth) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && widthOf(cut + "…", size) > maxWidth) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
        }
        return cut + "…";
    }

    /** Lines no wider than the page: broken at spaces where the text has them, anywhere in Chinese. */
    private List<String> wrap(String text, float size, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int lastSpace = -1;
        for (int offset = 0; offset < text.length(); ) {
            int codePoint = text.codePointAt(offset);
            line.appendCodePoint(codePoint);
            if (codePoint == ' ') {
                lastSpace = line.length() - 1;
            }
            if (widthOf(line.toString(), size) > maxWidth) {
                int cut = lastSpace > 0 ? lastSpace : line.length() - Character.charCount(codePoint);
                lines.add(line.substring(0, cut).strip());
                line.delete(0, cut);
                lastSpace = -1;
            }
            offset += Character.charCount(codePoint);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString().strip());
        }
        return lines;
    }
}
