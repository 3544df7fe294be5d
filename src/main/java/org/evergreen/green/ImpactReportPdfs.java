package org.evergreen.green;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.i18n.Translations;
import org.jfree.chart.JFreeChart;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Members' impact reports as PDF: the page's figures and charts on A4, written with the font the application carries
 * (WenQuanYi Micro Hei, Chinese and Latin), embedded as a subset, and the charts drawn by the same JFreeChart code as
 * the page with that font, so the PDF reads the same on any machine whatever fonts it has.
 */
@Service
public class ImpactReportPdfs {

    private static final String FONT_RESOURCE = "fonts/wqy-microhei.ttc";
    private static final String FONT_NAME = "WenQuanYiMicroHei";
    private static final byte[] FONT_FILE = read(FONT_RESOURCE);
    private static final Font CHART_FONT = chartFont();
    private static final float MARGIN = 56;
    private static final float CHART_SCALE = 1.5f;
    /** Parsed copies of the font, each used by one PDF at a time: parsing 5 MB for every PDF would cost more than the PDF. */
    private static final int PARSED_FONTS = 2;

    /** A parsed copy of the font, with the collection it was read from (which must stay open while the font is used). */
    private record ParsedFont(TrueTypeCollection collection, TrueTypeFont font) {
    }

    private final BlockingQueue<ParsedFont> parsedFonts = new ArrayBlockingQueue<>(PARSED_FONTS);
    private final AtomicInteger fontsParsed = new AtomicInteger();

    private final GreenReports reports;
    private final Translations translations;
    private final DisplayFormats formats;
    private final Clock clock;

    ImpactReportPdfs(GreenReports reports, Translations translations, DisplayFormats formats, Clock clock) {
        this.reports = reports;
        this.translations = translations;
        this.formats = formats;
        this.clock = clock;
    }

    /** The signed-in member's report for a year, as a PDF in that language. */
    @PreAuthorize("hasRole('MEMBER')")
    public byte[] myReport(int year, Locale locale) {
        return render(reports.myReport(year), locale);
    }

    public static String fileName(int year) {
        return "evergreen-impact-" + year + ".pdf";
    }

    byte[] render(ImpactReport report, Locale locale) {
        ParsedFont parsed = borrowFont();
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = PDType0Font.load(document, parsed.font(), true);
            Writer writer = new Writer(document, font);
            write(writer, report, locale);
            writer.close();
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            document.save(pdf);
            return pdf.toByteArray();
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        } finally {
            parsedFonts.add(parsed);
        }
    }

    /** A parsed font no other PDF is using: a new one while fewer than {@value PARSED_FONTS} exist, else the next one returned. */
    private ParsedFont borrowFont() {
        ParsedFont idle = parsedFonts.poll();
        if (idle != null) {
            return idle;
        }
        if (fontsParsed.incrementAndGet() <= PARSED_FONTS) {
            try {
                TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(FONT_FILE));
                return new ParsedFont(collection, collection.getFontByName(FONT_NAME));
            } catch (IOException unreadable) {
                fontsParsed.decrementAndGet();
                throw new UncheckedIOException(unreadable);
            }
        }
        fontsParsed.decrementAndGet();
        try {
            return parsedFonts.take();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the report font", interrupted);
        }
    }

    private void write(Writer writer, ImpactReport report, Locale locale) throws IOException {
        ImpactReport.Figures now = report.thisYear();
        writer.text(t(locale, "impact.heading", report.year()), 20, Writer.GREEN);
        writer.text(t(locale, "impact.pdf.generated", formats.dateTime(clock.instant(), locale)), 9, Color.GRAY);
        writer.space(8);
        writer.row(List.of(t(locale, "impact.co2e"), co2e(now.co2eGrams(), locale)), new float[]{200}, 12);
        writer.row(List.of(t(locale, "impact.greenPoints"), t(locale, "impact.points", now.greenPoints())), new float[]{200}, 12);
        writer.row(List.of(t(locale, "impact.greenShare"), t(locale, "impact.percent", now.greenSharePercent().toPlainString())
                + "  (" + t(locale, "impact.greenSpend", yuan(now.greenSpend()), yuan(now.spend())) + ")"), new float[]{200}, 12);
        writer.row(List.of(t(locale, "impact.pdf.lastYear"), co2e(report.lastYear().co2eGrams(), locale) + " · "
                + t(locale, "impact.points", report.lastYear().greenPoints())), new float[]{200}, 12);
        writer.row(List.of(t(locale, "impact.allTime"), co2e(report.allTime().co2eGrams(), locale)), new float[]{200}, 12);
        writer.space(10);

        writer.text(t(locale, "impact.equivalents"), 14, Writer.GREEN);
        for (Equivalent equivalent : Equivalent.values()) {
            writer.text("· " + t(locale, "impact.equivalent." + equivalent.name(),
                    ImpactFormats.decimal(equivalent.of(now.co2eGrams()), 1, locale)), 11, Color.BLACK);
        }
        writer.space(10);

        writer.text(t(locale, "impact.monthly", t(locale, "impact.chart.kg")), 14, Writer.GREEN);
        writer.chart(ImpactCharts.monthlyCo2e(report, locale, CHART_FONT), 220);

        writer.text(t(locale, "impact.byMethod", t(locale, "impact.chart.kg")), 14, Writer.GREEN);
        if (report.byMethod().isEmpty()) {
            writer.text(t(locale, "impact.noGreenYet"), 10, Color.BLACK);
        } else {
            writer.chart(ImpactCharts.co2eByMethod(report.byMethod(), locale, CHART_FONT), 40 + 26 * report.byMethod().size());
            float[] columns = {230, 330};
            writer.row(List.of(t(locale, "impact.method"), t(locale, "impact.greenSpendColumn"), t(locale, "impact.co2eColumn")), columns, 10);
            for (ImpactReport.MethodFigures method : report.byMethod()) {
                writer.row(List.of(method.method().name(locale), yuan(method.greenSpend()), co2e(method.co2eGrams(), locale)), columns, 10);
            }
        }
        writer.space(10);

        writer.text(t(locale, "impact.byMerchant"), 14, Writer.GREEN);
        float[] columns = {150, 220, 295, 365};
        writer.row(List.of(t(locale, "impact.merchant"), t(locale, "impact.spendColumn"), t(locale, "impact.greenShareShort"),
                t(locale, "impact.greenPoints"), t(locale, "impact.co2eColumn")), columns, 10);
        for (ImpactReport.MerchantFigures merchant : report.byMerchant()) {
            writer.row(List.of(merchant.merchant().name(locale), yuan(merchant.spend()),
                    t(locale, "impact.percent", merchant.greenSharePercent().toPlainString()),
                    formats.number(merchant.greenPoints(), locale), co2e(merchant.co2eGrams(), locale)), columns, 10);
        }
        if (report.byMerchant().isEmpty()) {
            writer.text(t(locale, "impact.noPurchases"), 10, Color.BLACK);
        }
        writer.space(12);
        writer.text(t(locale, "impact.pdf.method"), 9, Color.GRAY);
    }

    private String t(Locale locale, String key, Object... arguments) {
        return translations.getTranslation(key, locale, arguments);
    }

    private String co2e(long grams, Locale locale) {
        return ImpactFormats.co2e(grams, locale, translations);
    }

    private static String yuan(BigDecimal amount) {
        return "¥" + amount.toPlainString();
    }

    /** Lays text, rows and charts down A4 pages from the top, starting a new page when one is full. */
    private static final class Writer {

        static final Color GREEN = new Color(0x1f, 0x7a, 0x4d);

        private final PDDocument document;
        private final PDType0Font font;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument document, PDType0Font font) throws IOException {
            this.document = document;
            this.font = font;
            newPage();
        }

        void text(String text, float size, Color color) throws IOException {
            for (String line : wrap(plainSpaces(text), size, width)) {
                room(size * 1.5f);
                show(line, MARGIN, size, color);
                y -= size * 1.5f;
            }
        }

        /** One line of cells, each starting at its column's offset (the first at the margin). */
        void row(List<String> cells, float[] columnOffsets, float size) throws IOException {
            room(size * 1.6f);
            for (int i = 0; i < cells.size(); i++) {
                float x = MARGIN + (i == 0 ? 0 : columnOffsets[i - 1]);
                float next = i < columnOffsets.length ? MARGIN + columnOffsets[i] : MARGIN + width;
                show(fit(plainSpaces(cells.get(i)), size, next - x - 6), x, size, Color.BLACK);
            }
            y -= size * 1.6f;
        }

        void space(float points) {
            y -= points;
        }

        void chart(JFreeChart chart, float height) throws IOException {
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

    private static byte[] read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException missing) {
            throw new UncheckedIOException(missing);
        }
    }

    /** The carried font for the charts in PDFs: AWT has no fallback for a font read from a file, so it must cover all. */
    private static Font chartFont() {
        try {
            return Arrays.stream(Font.createFonts(new ByteArrayInputStream(FONT_FILE)))
                    .filter(font -> font.getFontName(Locale.ROOT).equals("WenQuanYi Micro Hei")).findFirst().orElseThrow()
                    .deriveFont(Font.PLAIN, 11f);
        } catch (IOException | FontFormatException unreadable) {
            throw new IllegalStateException("Cannot read " + FONT_RESOURCE, unreadable);
        }
    }
}
