package org.evergreen.shared.pdf;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes A4 PDFs with the font the application carries (WenQuanYi Micro Hei, Chinese and Latin), embedded as a subset,
 * and offers the same font to charts drawn into them, so a PDF reads the same on any machine whatever fonts it has.
 */
@Component
public class PdfDocuments {

    /** What a document holds, laid down by a writer. */
    @FunctionalInterface
    public interface Content {
        void write(PdfWriter writer) throws IOException;
    }

    private static final String FONT_RESOURCE = "fonts/wqy-microhei.ttc";
    private static final String FONT_NAME = "WenQuanYiMicroHei";
    private static final byte[] FONT_FILE = read(FONT_RESOURCE);
    /** The carried font for charts in PDFs: AWT has no fallback for a font read from a file, so it must cover all. */
    public static final Font CHART_FONT = chartFont();
    /** Parsed copies of the font, each used by one PDF at a time: parsing 5 MB for every PDF would cost more than the PDF. */
    private static final int PARSED_FONTS = 2;

    /** A parsed copy of the font, with the collection it was read from (which must stay open while the font is used). */
    private record ParsedFont(TrueTypeCollection collection, TrueTypeFont font) {
    }

    private final BlockingQueue<ParsedFont> parsedFonts = new ArrayBlockingQueue<>(PARSED_FONTS);
    private final AtomicInteger fontsParsed = new AtomicInteger();

    public byte[] write(Content content) {
        ParsedFont parsed = borrowFont();
        try (PDDocument document = new PDDocument()) {
            PdfWriter writer = new PdfWriter(document, PDType0Font.load(document, parsed.font(), true));
            content.write(writer);
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

    private static byte[] read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException missing) {
            throw new UncheckedIOException(missing);
        }
    }

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
